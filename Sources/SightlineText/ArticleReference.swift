/// An article reference as Chinese law writes it: `Art. 8 ¶1 (iv)` →
/// `第八条第一款第（四）项`, `Art. 13` → `第十三条`; several joined by `；`.
/// An item may be numbered in Arabic, as Chinese cross-references do
/// (`Art. 23 (2)` → `第二十三条第（二）项`). A reference whose article number
/// is Sightline's inference (`… (numbering inferred)`, the Chongqing
/// measures' translation drops it) keeps saying so: `（条号系推定）`.
/// A reference it does not understand is returned as it is.
public enum ArticleReference {
    public static func zh(_ reference: String) -> String {
        reference.components(separatedBy: "; ").map(one).joined(separator: "；")
    }

    static let inferredSuffix = " (numbering inferred)"

    /// Laws a reference may name before its article (a later law's
    /// consequence in another law's report), with their Chinese citation.
    static let laws = [("Order 799", "国务院令第799号")]

    private static func one(_ reference: String) -> String {
        if reference.hasSuffix(inferredSuffix) {
            let bare = String(reference.dropLast(inferredSuffix.count))
            let converted = one(bare)
            return converted == bare ? reference : converted + "（条号系推定）"
        }
        for (law, lawZh) in laws where reference.hasPrefix(law + " Art. ") {
            let article = String(reference.dropFirst(law.count + 1))
            let converted = one(article)
            return converted == article ? reference : lawZh + converted
        }
        let parts = reference.split(separator: " ")
        guard parts.count >= 2, parts[0] == "Art.", let article = Int(parts[1]) else { return reference }
        var out = "第\(numeral(article))条"
        for part in parts.dropFirst(2) {
            if part.hasPrefix("¶"), let n = Int(part.dropFirst()) {
                out += "第\(numeral(n))款"
            } else if part.hasPrefix("("), part.hasSuffix(")"), let n = item(String(part.dropFirst().dropLast())) {
                out += "第（\(numeral(n))）项"
            } else {
                return reference
            }
        }
        return out
    }

    /// 1…99 in Chinese numerals: 八, 十三, 二十七.
    static func numeral(_ n: Int) -> String {
        let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        guard n > 0, n < 100 else { return String(n) }
        if n < 10 { return digits[n] }
        let tens = n / 10
        let ones = n % 10
        return (tens == 1 ? "" : digits[tens]) + "十" + (ones == 0 ? "" : digits[ones])
    }

    /// An item's number, Roman (`iv`) or Arabic (`2`).
    static func item(_ s: String) -> Int? { Int(s).flatMap { $0 > 0 ? $0 : nil } ?? roman(s) }

    /// i…xx as a number.
    static func roman(_ s: String) -> Int? {
        let values: [Character: Int] = ["i": 1, "v": 5, "x": 10]
        var total = 0
        var previous = 0
        for c in s.reversed() {
            guard let v = values[c] else { return nil }
            if v < previous {
                total -= v
            } else {
                total += v
                previous = v
            }
        }
        return total > 0 ? total : nil
    }
}
