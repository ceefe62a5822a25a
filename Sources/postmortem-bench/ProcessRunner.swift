import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs a whole process with its output sent to /dev/null, and measures wall time and peak memory.
enum ProcessRunner {
    struct Measurement {
        var seconds: Double
        var peakMegabytes: Double
        var status: Int32
        /// User plus system CPU time of the process.
        var cpuSeconds: Double = 0
    }

    static func run(_ arguments: [String]) -> Measurement {
        var fileActions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&fileActions)
        defer { posix_spawn_file_actions_destroy(&fileActions) }
        posix_spawn_file_actions_addopen(&fileActions, 1, "/dev/null", O_WRONLY, 0)
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let start = DispatchTime.now().uptimeNanoseconds
        let spawned = posix_spawnp(&pid, arguments[0], &fileActions, nil, &argv, environ)
        guard spawned == 0 else { return Measurement(seconds: 0, peakMegabytes: 0, status: -1) }
        var status: Int32 = 0
        var usage = rusage()
        _ = wait4(pid, &status, 0, &usage)
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        return Measurement(seconds: elapsed, peakMegabytes: Double(usage.ru_maxrss) / 1024, status: (status >> 8) & 0xff, cpuSeconds: cpu)
    }
}
