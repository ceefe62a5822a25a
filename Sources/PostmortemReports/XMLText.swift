/// Escaping for text and attribute values in the XML the project writes (SVG charts, JUnit).
public enum XMLText {
    /// `&`, `<`, `>` and `"` as entities; control characters other than tab, CR and LF, which
    /// XML 1.0 cannot hold, are dropped.
    public static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default:
                if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" && scalar != "\r" { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
