import SightlineJSON

extension Language {
    /// An amount of yuan in the language's style: `10,000` in English (the
    /// phrase adds `¥`); `1万元`, `5000元`, `1.5万元` in Chinese, as the
    /// statute writes its fines.
    public func yuan(_ n: Int) -> String {
        switch self {
        case .en:
            let digits = String(n)
            var out = ""
            for (i, ch) in digits.enumerated() {
                if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
                out.append(ch)
            }
            return out
        case .zh:
            guard n >= 10_000 else { return "\(n)元" }
            let wan = Double(n) / 10_000
            return wan == wan.rounded() ? "\(Int(wan))万元" : "\(DecimalText.trimmed(wan, 2))万元"
        }
    }
}
