/// One slice of a list of work items, for running an archive or a sweep as an array job
/// (Kubernetes Indexed Job, Slurm array, CI matrix).
///
/// Shard K of N takes a contiguous block, so concatenating the shards' outputs in order gives
/// exactly what a single run would have written.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    /// 1-based index of this shard.
    public var index: Int
    public var count: Int

    /// Parses `K/N` with 1 <= K <= N.
    public init?(_ text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1, (1...count).contains(index) else {
            return nil
        }
        self.index = index
        self.count = count
    }

    public init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// This shard's block of `items`: indices from floor((K-1)·n/N) up to floor(K·n/N).
    public func slice<T>(_ items: [T]) -> [T] {
        let lower = (index - 1) * items.count / count
        let upper = index * items.count / count
        return Array(items[lower..<upper])
    }

    public var description: String { "\(index)/\(count)" }
}
