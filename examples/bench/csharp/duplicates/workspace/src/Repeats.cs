namespace Duplicates;

public static class Repeats
{
    /// <summary>
    /// The values that occur more than once, each listed once, in the order in which they first repeat:
    /// for [3, 1, 3, 2, 1, 3] that is [3, 1].
    /// </summary>
    public static List<int> Find(IReadOnlyList<int> values)
    {
        var repeated = new List<int>();
        for (var i = 0; i < values.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (values[j] == values[i])
                {
                    if (!repeated.Contains(values[i]))
                    {
                        repeated.Add(values[i]);
                    }

                    break;
                }
            }
        }

        return repeated;
    }
}
