package org.kaoping;

import com.fasterxml.jackson.databind.JsonNode;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Compares a typed result with the JSON the kaoping command wrote, field by field: every JSON
 * field must have a getter ({@code department_rank} → {@code getDepartmentRank()}), every decimal
 * must be the same {@link BigDecimal} (value and scale: read from the text, exactly), every integer,
 * string, code, date and month the same, every list the same length. Parsed values are compared,
 * never the text.
 */
final class Mirror {
    private int decimals;
    private int integers;
    private int values;

    /** Compares and returns the counts; throws AssertionError naming the first difference's path. */
    static Mirror check(JsonNode expected, Object actual) {
        Mirror m = new Mirror();
        m.compare(expected, actual, "$");
        return m;
    }

    int decimals() {
        return decimals;
    }

    int integers() {
        return integers;
    }

    @Override
    public String toString() {
        return decimals + " decimals, " + integers + " integers, " + values + " other values equal";
    }

    private static AssertionError differ(String path, Object expected, Object actual) {
        return new AssertionError(path + ": expected " + expected + " (the kaoping command's), got " + actual);
    }

    private void compare(JsonNode e, Object a, String path) {
        if (e.isNull()) {
            if (a != null) throw differ(path, "null", a);
            values++;
            return;
        }
        if (a == null) throw differ(path, e, "null");
        if (e.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = e.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                compare(f.getValue(), get(a, f.getKey(), path), path + "." + f.getKey());
            }
        } else if (e.isArray()) {
            if (!(a instanceof List)) throw differ(path, "an array", a.getClass().getSimpleName());
            List<?> list = (List<?>) a;
            if (list.size() != e.size()) throw differ(path + ".length", e.size(), list.size());
            for (int i = 0; i < e.size(); i++) compare(e.get(i), list.get(i), path + "[" + i + "]");
        } else if (a instanceof BigDecimal) {
            BigDecimal want = new BigDecimal(e.asText());
            if (!want.equals(a)) throw differ(path, want, a);
            decimals++;
        } else if (a instanceof Integer) {
            if (!e.isIntegralNumber() || e.longValue() != (Integer) a) throw differ(path, e, a);
            integers++;
        } else if (a instanceof String) {
            if (!e.isTextual() || !e.textValue().equals(a)) throw differ(path, e, a);
            values++;
        } else if (a instanceof Coded) {
            if (!e.isTextual() || !e.textValue().equals(((Coded) a).code())) throw differ(path, e, a);
            values++;
        } else if (a instanceof LocalDate || a instanceof YearMonth) {
            if (!e.isTextual() || !e.textValue().equals(a.toString())) throw differ(path, e, a);
            values++;
        } else {
            throw differ(path, e, a + " (" + a.getClass().getName() + ")");
        }
    }

    /** The getter of a JSON field: department_rank → getDepartmentRank(). */
    private static Object get(Object a, String field, String path) {
        StringBuilder name = new StringBuilder("get");
        boolean upper = true;
        for (char c : field.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        try {
            Method m = a.getClass().getMethod(name.toString());
            return m.invoke(a);
        } catch (NoSuchMethodException ex) {
            throw new AssertionError(path + ": " + a.getClass().getSimpleName() + " has no " + name + "() for the JSON field \"" + field + "\"");
        } catch (ReflectiveOperationException ex) {
            throw new AssertionError(path + "." + field + ": " + ex);
        }
    }
}
