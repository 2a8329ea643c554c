using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace MtMcp.Gateways.Tests.Protocol;

/// <summary>
/// A validator for the subset of JSON Schema 2020-12 the bridge schemas use: <c>$ref</c> (within a file and to
/// another file of the same folder), <c>type</c>, <c>const</c>, <c>enum</c>, <c>pattern</c>, <c>minLength</c>,
/// <c>maxLength</c>, <c>minimum</c>, <c>maximum</c>, <c>properties</c>, <c>required</c>,
/// <c>additionalProperties</c>, <c>items</c>, <c>minItems</c>, <c>maxItems</c> and <c>anyOf</c>. Any other keyword
/// fails loudly, so a schema cannot silently rely on something that is not checked.
/// </summary>
internal sealed class JsonSchemaSubset
{
    private static readonly HashSet<string> s_known = new(StringComparer.Ordinal)
    {
        "$schema", "$id", "$defs", "$ref", "title", "description", "type", "const", "enum", "pattern", "minLength",
        "maxLength", "minimum", "maximum", "properties", "required", "additionalProperties", "items", "minItems",
        "maxItems", "anyOf",
    };

    private readonly string _folder;
    private readonly Dictionary<string, JsonObject> _files = new(StringComparer.Ordinal);

    public JsonSchemaSubset(string folder) => _folder = folder;

    /// <summary>Every file of the folder, parsed.</summary>
    public IReadOnlyDictionary<string, JsonObject> LoadAll()
    {
        foreach (var path in Directory.EnumerateFiles(_folder, "*.schema.json"))
        {
            Load(Path.GetFileName(path));
        }

        return _files;
    }

    /// <summary>The violations of <paramref name="instance"/> against schema file <paramref name="file"/>; empty when valid.</summary>
    public List<string> Validate(string file, JsonNode? instance)
    {
        var errors = new List<string>();
        Check(file, Load(file), instance, "$", errors);
        return errors;
    }

    /// <summary>Every property name the schema of <paramref name="file"/> declares, at any depth, following <c>$ref</c>.</summary>
    public HashSet<string> PropertyNames(string file)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var visited = new HashSet<(string, JsonNode)>();
        Collect(file, Load(file));
        return names;

        void Collect(string where, JsonNode? node)
        {
            switch (node)
            {
                case JsonObject obj when visited.Add((where, obj)):
                    if (obj["$ref"] is { } reference)
                    {
                        var (target, resolved) = Resolve(where, (string)reference!);
                        Collect(target, resolved);
                    }

                    if (obj["properties"] is JsonObject properties)
                    {
                        names.UnionWith(properties.Select(p => p.Key));
                    }

                    foreach (var (key, child) in obj)
                    {
                        if (key != "$defs")
                        {
                            Collect(where, child);
                        }
                    }

                    break;
                case JsonArray array:
                    foreach (var item in array)
                    {
                        Collect(where, item);
                    }

                    break;
            }
        }
    }

    private JsonObject Load(string file)
    {
        if (!_files.TryGetValue(file, out var schema))
        {
            var path = Path.Combine(_folder, file);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"Schema '{file}' does not exist in {_folder}.", path);
            }

            schema = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
            _files[file] = schema;
        }

        return schema;
    }

    private (string File, JsonObject Schema) Resolve(string file, string reference)
    {
        var hash = reference.IndexOf('#', StringComparison.Ordinal);
        var target = hash == 0 ? file : hash < 0 ? reference : reference[..hash];
        JsonNode node = Load(target);
        if (hash >= 0)
        {
            foreach (var part in reference[(hash + 1)..].Split('/', StringSplitOptions.RemoveEmptyEntries))
            {
                node = node[part] ?? throw new InvalidOperationException($"$ref '{reference}' in {file} points nowhere.");
            }
        }

        return (target, node.AsObject());
    }

    private void Check(string file, JsonObject schema, JsonNode? value, string path, List<string> errors)
    {
        foreach (var keyword in schema)
        {
            if (!s_known.Contains(keyword.Key))
            {
                throw new InvalidOperationException($"Schema keyword '{keyword.Key}' in {file} is not supported by this validator.");
            }
        }

        if (schema["$ref"] is { } reference)
        {
            var (target, resolved) = Resolve(file, (string)reference!);
            Check(target, resolved, value, path, errors);
        }

        if (schema["anyOf"] is JsonArray anyOf)
        {
            var matched = false;
            foreach (var option in anyOf)
            {
                var trial = new List<string>();
                Check(file, option!.AsObject(), value, path, trial);
                matched |= trial.Count == 0;
            }

            if (!matched)
            {
                errors.Add($"{path}: matches none of the anyOf alternatives");
            }
        }

        if (schema["const"] is { } constant && !JsonNode.DeepEquals(constant, value))
        {
            errors.Add($"{path}: expected {constant.ToJsonString()}, got {value?.ToJsonString() ?? "null"}");
        }

        if (schema["enum"] is JsonArray allowed && !allowed.Any(a => JsonNode.DeepEquals(a, value)))
        {
            errors.Add($"{path}: {value?.ToJsonString() ?? "null"} is not one of {allowed.ToJsonString()}");
        }

        if (schema["type"] is { } type && !IsType(value, (string)type!))
        {
            errors.Add($"{path}: expected {type}, got {KindOf(value)}");
            return;
        }

        switch (value)
        {
            case JsonObject obj:
                CheckObject(file, schema, obj, path, errors);
                break;
            case JsonArray array:
                CheckArray(file, schema, array, path, errors);
                break;
            case JsonValue scalar:
                CheckScalar(schema, scalar, path, errors);
                break;
        }
    }

    private void CheckObject(string file, JsonObject schema, JsonObject value, string path, List<string> errors)
    {
        var properties = schema["properties"]?.AsObject();
        if (schema["required"] is JsonArray required)
        {
            foreach (var name in required)
            {
                if (!value.ContainsKey((string)name!))
                {
                    errors.Add($"{path}: missing required '{name}'");
                }
            }
        }

        foreach (var (name, member) in value)
        {
            if (properties?[name] is JsonObject property)
            {
                Check(file, property, member, $"{path}.{name}", errors);
            }
            else if (schema["additionalProperties"] is JsonValue extra && extra.GetValueKind() == System.Text.Json.JsonValueKind.False)
            {
                errors.Add($"{path}: property '{name}' is not allowed");
            }
            else if (schema["additionalProperties"] is JsonObject extraSchema)
            {
                Check(file, extraSchema, member, $"{path}.{name}", errors);
            }
        }
    }

    private void CheckArray(string file, JsonObject schema, JsonArray value, string path, List<string> errors)
    {
        if (schema["minItems"] is { } min && value.Count < (int)min)
        {
            errors.Add($"{path}: {value.Count} items, at least {min} required");
        }

        if (schema["maxItems"] is { } max && value.Count > (int)max)
        {
            errors.Add($"{path}: {value.Count} items, at most {max} allowed");
        }

        if (schema["items"] is JsonObject items)
        {
            for (var i = 0; i < value.Count; i++)
            {
                Check(file, items, value[i], $"{path}[{i}]", errors);
            }
        }
    }

    private static void CheckScalar(JsonObject schema, JsonValue value, string path, List<string> errors)
    {
        if (value.GetValueKind() == System.Text.Json.JsonValueKind.String)
        {
            var text = (string)value!;
            if (schema["pattern"] is { } pattern && !Regex.IsMatch(text, (string)pattern!, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
            {
                errors.Add($"{path}: '{text}' does not match {pattern}");
            }

            if (schema["minLength"] is { } minLength && text.Length < (int)minLength)
            {
                errors.Add($"{path}: '{text}' is shorter than {minLength}");
            }

            if (schema["maxLength"] is { } maxLength && text.Length > (int)maxLength)
            {
                errors.Add($"{path}: '{text}' is longer than {maxLength}");
            }
        }
        else if (value.GetValueKind() == System.Text.Json.JsonValueKind.Number)
        {
            var number = (decimal)value;
            if (schema["minimum"] is { } minimum && number < (decimal)minimum)
            {
                errors.Add($"{path}: {number.ToString(CultureInfo.InvariantCulture)} is below {minimum}");
            }

            if (schema["maximum"] is { } maximum && number > (decimal)maximum)
            {
                errors.Add($"{path}: {number.ToString(CultureInfo.InvariantCulture)} is above {maximum}");
            }
        }
    }

    private static bool IsType(JsonNode? value, string type) => type switch
    {
        "object" => value is JsonObject,
        "array" => value is JsonArray,
        "string" => KindOf(value) == "string",
        "boolean" => KindOf(value) == "boolean",
        "null" => value is null,
        "number" => KindOf(value) is "number" or "integer",
        "integer" => KindOf(value) == "integer",
        _ => throw new InvalidOperationException($"Schema type '{type}' is not supported by this validator."),
    };

    private static string KindOf(JsonNode? value) => value switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        JsonValue scalar => scalar.GetValueKind() switch
        {
            System.Text.Json.JsonValueKind.String => "string",
            System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False => "boolean",
            System.Text.Json.JsonValueKind.Number => decimal.TryParse(scalar.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == decimal.Truncate(d) ? "integer" : "number",
            _ => "null",
        },
        _ => "unknown",
    };
}
