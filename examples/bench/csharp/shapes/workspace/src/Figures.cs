namespace Geometry;

/// <summary>
/// Areas and perimeters of shapes given by a kind and up to two sizes: "circle" (a = radius),
/// "rectangle" (a = width, b = height) or "square" (a = side).
/// </summary>
public static class Figures
{
    public static double Area(string kind, double a, double b = 0) => kind switch
    {
        "circle" => Math.PI * a * a,
        "rectangle" => a * b,
        "square" => a * a,
        _ => throw new ArgumentException($"Unknown shape '{kind}'.", nameof(kind)),
    };

    public static double Perimeter(string kind, double a, double b = 0) => kind switch
    {
        "circle" => 2 * Math.PI * a,
        "rectangle" => 2 * (a + b),
        "square" => 4 * a,
        _ => throw new ArgumentException($"Unknown shape '{kind}'.", nameof(kind)),
    };

    /// <summary>The sum of the areas.</summary>
    public static double TotalArea(IEnumerable<(string Kind, double A, double B)> shapes) =>
        shapes.Sum(s => Area(s.Kind, s.A, s.B));

    /// <summary>The shape with the largest area; the first of them on a tie, null when there are none.</summary>
    public static (string Kind, double A, double B)? Largest(IEnumerable<(string Kind, double A, double B)> shapes)
    {
        (string Kind, double A, double B)? largest = null;
        foreach (var shape in shapes)
        {
            if (largest is null || Area(shape.Kind, shape.A, shape.B) > Area(largest.Value.Kind, largest.Value.A, largest.Value.B))
            {
                largest = shape;
            }
        }

        return largest;
    }
}
