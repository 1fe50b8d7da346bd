namespace Nightshift.Probing;

/// <summary>One item of a probe has finished.</summary>
/// <param name="Item">The item that finished.</param>
/// <param name="Completed">Items finished so far, this one included.</param>
/// <param name="Total">Items in this run.</param>
/// <param name="Cached">Whether the item's result came from the cache.</param>
public sealed record ProbeProgress(string Item, int Completed, int Total, bool Cached);
