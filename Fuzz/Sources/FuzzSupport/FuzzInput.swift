import FuzzDriver

/// The bytes libFuzzer hands a target, and the loop that hands them.
public enum FuzzInput {
    /// The signature of `LLVMFuzzerTestOneInput`.
    public typealias Callback = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

    /// Runs libFuzzer with the process's arguments (corpus folders, `-max_total_time=...`).
    public static func run(_ callback: Callback) -> CInt {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        return LLVMFuzzerRunDriver(&argc, &argv, callback)
    }

    /// The input as an array (libFuzzer may pass a null pointer for the empty input).
    public static func bytes(_ start: UnsafePointer<UInt8>?, _ count: Int) -> [UInt8] {
        guard let start, count > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: start, count: count))
    }

    /// The input as text, as a YAML or prose reader would receive it from a file.
    public static func text(_ start: UnsafePointer<UInt8>?, _ count: Int) -> String {
        String(decoding: bytes(start, count), as: UTF8.self)
    }
}
