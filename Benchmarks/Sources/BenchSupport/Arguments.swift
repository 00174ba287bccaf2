import Foundation

/// The positional integer arguments of a benchmark (`cnn-bench THREADS N`), with defaults
/// for the ones left out; a malformed one ends the program with a usage line.
public func integerArguments(_ names: [String], defaults: [Int]) -> [Int] {
    let given = Array(CommandLine.arguments.dropFirst())
    guard given.count <= names.count else { usage(names) }
    return names.indices.map { i in
        guard i < given.count else { return defaults[i] }
        guard let value = Int(given[i]), value > 0 else { usage(names) }
        return value
    }
}

/// Sets the engines' worker count before anything reads it (`Parallel.defaultWorkers` is read once).
/// OpenBLAS reads OPENBLAS_NUM_THREADS when it loads, so the driver sets that one.
public func useThreads(_ count: Int) {
    setenv("PRIMER_THREADS", String(count), 1)
}

private func usage(_ names: [String]) -> Never {
    let program = (CommandLine.arguments.first ?? "benchmark").split(separator: "/").last ?? ""
    FileHandle.standardError.write(Data("usage: \(program) \(names.joined(separator: " ")) (positive integers)\n".utf8))
    exit(2)
}
