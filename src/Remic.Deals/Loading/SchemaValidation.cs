using System.Globalization;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;
using Remic.Core;

namespace Remic.Deals.Loading;

/// <summary>
/// Validates a deal file against schema/deal.schema.json (embedded in this assembly) and turns each schema
/// error into an <see cref="InputError"/> at the YAML line and column of the offending node, in a plain sentence.
/// </summary>
public static class SchemaValidation
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
    {
        using var s = typeof(SchemaValidation).Assembly.GetManifestResourceStream("deal.schema.json")
            ?? throw new InvalidOperationException("deal.schema.json is not embedded in Remic.Deals");
        using var r = new StreamReader(s);
        return JsonSchema.FromJsonAsync(r.ReadToEnd()).GetAwaiter().GetResult();
    });

    /// <summary>The schema text, for `remic schema` style tooling and tests.</summary>
    public static JsonSchema DealSchema => Schema.Value;

    internal static IReadOnlyList<InputError> Validate(JToken root, SourceMap map)
    {
        var errors = Flatten(Schema.Value.Validate(root));
        return errors.Select(e => ToInputError(e, map)).Distinct()
            .OrderBy(e => e.Line).ThenBy(e => e.Column).ToList();
    }

    /// <summary>
    /// Array items and property values are validated as child schemas; their own errors are the useful ones.
    /// A oneOf/anyOf failure stays one error (its children are the alternatives that did not fit).
    /// </summary>
    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors)
    {
        foreach (var e in errors)
        {
            if (e is ChildSchemaValidationError child && e.Kind is not (ValidationErrorKind.NotOneOf or ValidationErrorKind.NotAnyOf))
                foreach (var inner in Flatten(child.Errors.Values.SelectMany(x => x))) yield return inner;
            else yield return e;
        }
    }

    private static InputError ToInputError(ValidationError e, SourceMap map)
    {
        var (path, line, col) = e.Token is { } t ? map.Of(t) : ("", 0, 0);
        if (line == 0) (line, col) = map.Of(path);
        var value = e.Token is JValue v && v.Type != JTokenType.Null ? System.Convert.ToString(v.Value, CultureInfo.InvariantCulture) : null;
        var described = Describe(e.Schema);

        switch (e.Kind)
        {
            case ValidationErrorKind.PropertyRequired:
                return new InputError(map.File, line, Join(path, e.Property), null, $"missing required field '{e.Property}'", col);
            case ValidationErrorKind.NoAdditionalPropertiesAllowed:
            {
                var allowed = e.Schema?.ActualSchema.Properties.Keys.OrderBy(k => k, StringComparer.Ordinal).ToList() ?? [];
                // The token is the unknown property's value; point at the property.
                // The token is the object itself, the unknown property (in a nested flow mapping), or the property's value.
                var owner = e.Token switch
                {
                    JObject => path,
                    JProperty { Parent: JObject o } => map.Of(o).Path,
                    _ => ParentPath(e),
                };
                var p = Join(owner, e.Property);
                (line, col) = map.KeyOf(p);
                return new InputError(map.File, line, p, null,
                    $"unknown field '{e.Property}'; expected one of: {string.Join(", ", allowed)}", col);
            }
            case ValidationErrorKind.TooManyProperties or ValidationErrorKind.TooFewProperties when described is not null:
                return new InputError(map.File, line, path, null, $"expected exactly one key: {described}", col);
        }
        var expected = e.Kind switch
        {
            ValidationErrorKind.NotOneOf or ValidationErrorKind.NotAnyOf or ValidationErrorKind.NoTypeValidates => described ?? "a value of another form",
            ValidationErrorKind.StringExpected => described ?? "text",
            ValidationErrorKind.NumberExpected => described ?? "a number",
            ValidationErrorKind.IntegerExpected => described ?? "a whole number",
            ValidationErrorKind.BooleanExpected => "true or false",
            ValidationErrorKind.ObjectExpected => described ?? "a mapping (key: value lines)",
            ValidationErrorKind.ArrayExpected => described ?? "a list",
            ValidationErrorKind.NotInEnumeration => described ?? "one of: " + string.Join(", ", e.Schema?.ActualSchema.Enumeration ?? []),
            ValidationErrorKind.PatternMismatch => described ?? $"text matching {e.Schema?.ActualSchema.Pattern}",
            ValidationErrorKind.StringTooShort => described ?? "a non-empty text",
            ValidationErrorKind.NumberTooSmall => Bound(e, described, small: true),
            ValidationErrorKind.NumberTooBig or ValidationErrorKind.IntegerTooBig => Bound(e, described, small: false),
            ValidationErrorKind.TooFewItems => described ?? $"at least {e.Schema?.ActualSchema.MinItems} items",
            ValidationErrorKind.TooManyItems => described ?? $"at most {e.Schema?.ActualSchema.MaxItems} items",
            _ => described ?? e.Kind.ToString(),
        };
        return new InputError(map.File, line, path, value, $"expected {expected}", col);
    }

    private static string Bound(ValidationError e, string? described, bool small)
    {
        var s = e.Schema?.ActualSchema;
        if (described is not null) return described;
        if (s is null) return "a number in range";
        var limit = small ? s.ExclusiveMinimum ?? s.Minimum : s.ExclusiveMaximum ?? s.Maximum;
        var strict = small ? s.ExclusiveMinimum is not null || s.IsExclusiveMinimum : s.ExclusiveMaximum is not null || s.IsExclusiveMaximum;
        var rel = small ? (strict ? "above" : "at least") : (strict ? "below" : "at most");
        var bound = $"a number {rel} {System.Convert.ToString(limit, CultureInfo.InvariantCulture)}";
        return bound;
    }

    private static string? Describe(JsonSchema? schema)
    {
        if (schema is null) return null;
        if (!string.IsNullOrEmpty(schema.Description)) return schema.Description;
        var a = schema.ActualSchema;
        return string.IsNullOrEmpty(a.Description) ? null : a.Description;
    }

    private static string ParentPath(ValidationError e) => e.Token is { Parent: JProperty { Parent: { } o } } ? o.Path : "";

    private static string Join(string path, string? prop) =>
        string.IsNullOrEmpty(prop) ? path : path.Length == 0 ? prop : $"{path}.{prop}";
}
