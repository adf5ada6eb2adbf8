/// Somewhere bytes go as they are made: a report streamed into its file
/// (``AtomicFile``) is never whole in memory.
public protocol ByteOutput: AnyObject {
    /// Takes the next bytes. A failure is remembered by the output and
    /// reported when it is finished, so writers need not throw.
    func write(_ bytes: UnsafeRawBufferPointer)
}
