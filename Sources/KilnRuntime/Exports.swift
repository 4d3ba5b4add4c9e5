// Re-export the value type kernels and callers share, so `import KilnRuntime` is enough to run.
@_exported import struct KilnOps.KernelContext
@_exported import enum KilnOps.Value
