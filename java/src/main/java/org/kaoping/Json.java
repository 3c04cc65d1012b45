package org.kaoping;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads libkaoping's JSON into the result classes. Decimals are read from the JSON text into
 * {@link BigDecimal} (the library writes them as strings like {@code "99.61"}; a JSON number is read
 * exactly too), never through {@code double}. Internal.
 */
final class Json {
    private Json() {}

    static final ObjectMapper MAPPER = new ObjectMapper()
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** The library's output did not have the shape this jar expects (a library of another version). */
    static IllegalStateException shape(String what) {
        return new IllegalStateException("unexpected result from libkaoping: " + what);
    }

    static JsonNode parse(byte[] json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("libkaoping returned JSON that does not parse: " + e.getMessage(), e);
        }
    }

    static JsonNode field(JsonNode o, String name) {
        JsonNode v = o.get(name);
        if (v == null || v.isNull()) throw shape("no \"" + name + "\" in " + brief(o));
        return v;
    }

    private static String brief(JsonNode o) {
        String s = o.toString();
        return s.length() > 120 ? s.substring(0, 120) + "…" : s;
    }

    static String text(JsonNode o, String name) {
        JsonNode v = field(o, name);
        if (!v.isTextual()) throw shape("\"" + name + "\" is not a string in " + brief(o));
        return v.textValue();
    }

    /** A string, or null when missing or null. */
    static String optText(JsonNode o, String name) {
        JsonNode v = o.get(name);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** A string that scores-only results leave out: "" when missing. */
    static String textOrEmpty(JsonNode o, String name) {
        String s = optText(o, name);
        return s == null ? "" : s;
    }

    static BigDecimal decimal(JsonNode o, String name) {
        return decimalOf(field(o, name), name);
    }

    static BigDecimal optDecimal(JsonNode o, String name) {
        JsonNode v = o.get(name);
        return v == null || v.isNull() ? null : decimalOf(v, name);
    }

    private static BigDecimal decimalOf(JsonNode v, String name) {
        if (v.isTextual()) {
            try {
                return new BigDecimal(v.textValue());
            } catch (NumberFormatException e) {
                throw shape("\"" + name + "\" is not a decimal: " + v);
            }
        }
        if (v.isBigDecimal() || v.isIntegralNumber()) return v.decimalValue();
        throw shape("\"" + name + "\" is not a decimal: " + v);
    }

    static int integer(JsonNode o, String name) {
        JsonNode v = field(o, name);
        if (!v.isIntegralNumber() || !v.canConvertToInt()) throw shape("\"" + name + "\" is not an integer: " + v);
        return v.intValue();
    }

    static int optInteger(JsonNode o, String name, int otherwise) {
        JsonNode v = o.get(name);
        return v == null || v.isNull() ? otherwise : integer(o, name);
    }

    static LocalDate date(JsonNode o, String name) {
        String s = text(o, name);
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw shape("\"" + name + "\" is not a date: " + s);
        }
    }

    static YearMonth yearMonth(JsonNode v) {
        if (!v.isTextual()) throw shape("not a month: " + v);
        try {
            return YearMonth.parse(v.textValue());
        } catch (DateTimeParseException e) {
            throw shape("not a month: " + v);
        }
    }

    static YearMonth yearMonth(JsonNode o, String name) {
        return yearMonth(field(o, name));
    }

    /** A required array, each element read by {@code f}; unmodifiable. */
    static <T> List<T> list(JsonNode o, String name, Function<JsonNode, T> f) {
        JsonNode a = field(o, name);
        if (!a.isArray()) throw shape("\"" + name + "\" is not an array in " + brief(o));
        List<T> out = new ArrayList<>(a.size());
        for (JsonNode e : a) out.add(f.apply(e));
        return Collections.unmodifiableList(out);
    }

    /** An array that may be missing (then empty). */
    static <T> List<T> optList(JsonNode o, String name, Function<JsonNode, T> f) {
        JsonNode a = o.get(name);
        return a == null || a.isNull() ? Collections.<T>emptyList() : list(o, name, f);
    }

    static List<String> strings(JsonNode o, String name) {
        return list(o, name, e -> {
            if (!e.isTextual()) throw shape("\"" + name + "\" holds a non-string: " + e);
            return e.textValue();
        });
    }

    /** A code of one of the result's enums, like {@code "window"} or {@code "quota_full"}. */
    static <E extends Enum<E> & Coded> E code(Class<E> type, JsonNode o, String name) {
        return codeOf(type, text(o, name));
    }

    static <E extends Enum<E> & Coded> E optCode(Class<E> type, JsonNode o, String name) {
        String s = optText(o, name);
        return s == null ? null : codeOf(type, s);
    }

    static <E extends Enum<E> & Coded> E codeOf(Class<E> type, String code) {
        for (E e : type.getEnumConstants()) {
            if (e.code().equals(code)) return e;
        }
        throw shape("unknown " + type.getSimpleName() + " \"" + code + "\" (a libkaoping newer than this jar?)");
    }

    /**
     * The names of the dataset's windows and staff, by id, read with a streaming parser that skips
     * everything else (the records of a large dataset are never built as a tree).
     */
    static Map<String, String> rosterNames(byte[] dataset) {
        Map<String, String> names = new HashMap<>();
        try (JsonParser p = MAPPER.getFactory().createParser(dataset)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return names;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.getCurrentName();
                JsonToken t = p.nextToken();
                if (("windows".equals(field) || "staff".equals(field)) && t == JsonToken.START_ARRAY) {
                    JsonNode list = MAPPER.readTree(p);
                    for (JsonNode s : list) {
                        String id = optText(s, "id");
                        String name = optText(s, "name");
                        if (id != null && name != null) names.put(id, name);
                    }
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException e) {
            // the library accepted the dataset, so this does not happen; names stay unknown (null)
        }
        return names;
    }

    /** The names of a period result's windows and staff, by id. */
    static Map<String, String> names(List<SubjectPeriod> windows, List<SubjectPeriod> staff) {
        Map<String, String> names = new HashMap<>();
        for (SubjectPeriod s : windows) names.put(s.getSubject(), s.getName());
        for (SubjectPeriod s : staff) names.put(s.getSubject(), s.getName());
        return names;
    }
}
