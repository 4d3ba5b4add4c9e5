import KilnIR

/// Detection and region pooling ops: NonMaxSuppression, RoiAlign, MaxRoiPool, MaxUnpool.
public enum DetectionOps {
    /// Every detection op with a reference kernel (listed in `StandardOps`).
    public static var all: [any OpDefinition] {
        [NonMaxSuppression(), RoiAlign(), MaxRoiPool(), MaxUnpool()]
    }
}
