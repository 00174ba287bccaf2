import Foundation

/// A parsed CSV file: a header of column names and rows of text fields.
/// Fields may be quoted (`"a, b"`), with `""` standing for a quote inside a quoted field.
///
///     let table = try CSVTable(text: "x,y,label\n1,2,cat\n3,4,dog\n")
///     table.columnNames          // ["x", "y", "label"]
///     try table.numbers("x")     // [1, 3]
public struct CSVTable: Sendable, Equatable {
    public var columnNames: [String]
    public var rows: [[String]]

    /// Parses CSV text whose first line names the columns.
    public init(text: String, separator: Character = ",") throws {
        var records = CSVTable.parseRecords(text, separator: separator)
        guard !records.isEmpty else { throw CSVError.empty }
        columnNames = records.removeFirst().map { $0.trimmingCharacters(in: .whitespaces) }
        for (index, record) in records.enumerated() where record.count != columnNames.count {
            throw CSVError.ragged(line: index + 2, expected: columnNames.count, found: record.count)
        }
        rows = records
    }

    /// Reads and parses a CSV file.
    public init(contentsOf url: URL, separator: Character = ",") throws {
        try self.init(text: try String(contentsOf: url, encoding: .utf8), separator: separator)
    }

    /// The position of a named column.
    public func columnIndex(_ name: String) throws -> Int {
        guard let index = columnNames.firstIndex(of: name) else {
            throw CSVError.unknownColumn(name, available: columnNames)
        }
        return index
    }

    /// The text fields of one named column.
    public func strings(_ name: String) throws -> [String] {
        let index = try columnIndex(name)
        return rows.map { $0[index] }
    }

    /// The fields of one named column read as numbers.
    public func numbers(_ name: String) throws -> [Double] {
        let index = try columnIndex(name)
        return try rows.enumerated().map { line, row in
            let field = row[index].trimmingCharacters(in: .whitespaces)
            guard let value = Double(field) else {
                throw CSVError.notANumber(column: name, line: line + 2, field: field)
            }
            return value
        }
    }

    private static func parseRecords(_ text: String, separator: Character) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var inQuotes = false
        var fieldWasQuoted = false
        var iterator = text.makeIterator()
        var pending: Character? = nil
        func endRecord() {
            record.append(field)
            if !(record.count == 1 && record[0].isEmpty && !fieldWasQuoted) { records.append(record) }
            record = []; field = ""; fieldWasQuoted = false
        }
        while let c = pending ?? iterator.next() {
            pending = nil
            if inQuotes {
                if c == "\"" {
                    let next = iterator.next()
                    if next == "\"" { field.append("\"") } else { inQuotes = false; pending = next }
                } else {
                    field.append(c)
                }
            } else if c == "\"" {
                inQuotes = true; fieldWasQuoted = true
            } else if c == separator {
                record.append(field); field = ""; fieldWasQuoted = false
            } else if c == "\n" || c == "\r\n" || c == "\r" {
                endRecord()
            } else {
                field.append(c)
            }
        }
        if !field.isEmpty || !record.isEmpty || fieldWasQuoted { endRecord() }
        return records
    }
}

/// What went wrong reading a CSV file.
public enum CSVError: Error, Equatable, CustomStringConvertible {
    case empty
    case ragged(line: Int, expected: Int, found: Int)
    case unknownColumn(String, available: [String])
    case notANumber(column: String, line: Int, field: String)

    public var description: String {
        switch self {
        case .empty:
            return "The CSV text is empty; it needs a header line naming the columns."
        case let .ragged(line, expected, found):
            return "CSV line \(line) has \(found) fields but the header names \(expected); check for a missing separator or an unquoted comma."
        case let .unknownColumn(name, available):
            return "The CSV has no column \"\(name)\"; its columns are: \(available.joined(separator: ", "))."
        case let .notANumber(column, line, field):
            return "Column \"\(column)\" line \(line) holds \"\(field)\", which is not a number; encode it or drop the column."
        }
    }
}

extension TabularDataset {
    /// A dataset from a CSV table: every column except `target` is a numeric feature. A numeric
    /// target column makes a regression dataset unless `classification` is set; a text target
    /// column makes a classification dataset whose classes are named in order of appearance
    /// (or by `classNames`, when given).
    ///
    ///     let table = try CSVTable(contentsOf: url)
    ///     let data = try TabularDataset(table, target: "species")
    public init(_ table: CSVTable, target: String, name: String = "csv",
                classification: Bool? = nil, classNames: [String]? = nil) throws {
        let targetIndex = try table.columnIndex(target)
        let featureNames = table.columnNames.enumerated().filter { $0.offset != targetIndex }.map(\.element)
        var features: [Double] = []
        features.reserveCapacity(table.rows.count * featureNames.count)
        let columns = try featureNames.map { try table.numbers($0) }
        for r in 0..<table.rows.count { for column in columns { features.append(column[r]) } }
        let rawTargets = try table.strings(target).map { $0.trimmingCharacters(in: .whitespaces) }
        let numericTargets = rawTargets.compactMap(Double.init)
        let isNumeric = numericTargets.count == rawTargets.count
        var names: [String] = []
        var targets: [Double] = []
        if isNumeric && !(classification ?? false) && classNames == nil {
            targets = numericTargets
        } else if isNumeric && classNames != nil {
            names = classNames!
            targets = numericTargets
        } else if isNumeric {
            let distinct = Array(Set(numericTargets)).sorted()
            names = distinct.map { $0 == $0.rounded() ? String(Int($0)) : String($0) }
            targets = numericTargets.map { Double(distinct.firstIndex(of: $0)!) }
        } else {
            names = classNames ?? []
            for value in rawTargets {
                if let index = names.firstIndex(of: value) {
                    targets.append(Double(index))
                } else {
                    names.append(value); targets.append(Double(names.count - 1))
                }
            }
        }
        self.init(name: name, features: features, featureCount: featureNames.count,
                  featureNames: featureNames, targets: targets, classNames: names)
    }
}
