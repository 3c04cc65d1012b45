package org.kaoping;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;

/**
 * Small hand-built halls, as core/tests/periods.rs builds them: windows with metrics that trigger
 * nothing (50 cases a month: below WB.4's 2000 and SB.3's 100 per staff member; every rate 100
 * against targets of 90, so W5.1 never deducts) and a head, so every subject starts at 100.
 */
final class Halls {
    private Halls() {}

    /** A hall with two departments D1, D2 and no windows, staff or records yet. */
    static ObjectNode empty() {
        ObjectNode ds = Fixtures.JSON.createObjectNode();
        ds.putObject("hall").put("id", "H").put("name", "测试大厅");
        ds.put("year", 2026);
        ArrayNode deps = ds.putArray("departments");
        deps.addObject().put("id", "D1").put("name", "一局");
        deps.addObject().put("id", "D2").put("name", "二局");
        ds.putArray("windows");
        ds.putArray("staff");
        ds.putObject("targets").put("online_full_process", "90").put("online_available", "90").put("one_network", "90");
        ds.putArray("metrics");
        ds.putArray("records");
        return ds;
    }

    /** A window with a head (null: none, W1.1) and quiet metrics for every month. */
    static void window(ObjectNode ds, String id, String name, String department, String head) {
        ObjectNode w = ((ArrayNode) ds.get("windows")).addObject().put("id", id).put("name", name).put("department", department);
        if (head != null) w.putArray("heads").addObject().put("staff", head);
        for (int m = 1; m <= 12; m++) {
            ObjectNode x = ((ArrayNode) ds.get("metrics")).addObject();
            x.put("window", id).put("month", String.format("2026-%02d", m)).put("cases", 50);
            x.putObject("rates").put("online_full_process", "100").put("online_available", "100").put("one_network", "100");
        }
    }

    /** A staff member assigned to one window all year. */
    static void staff(ObjectNode ds, String id, String name, String window) {
        ObjectNode s = ((ArrayNode) ds.get("staff")).addObject().put("id", id).put("name", name);
        s.putArray("assignments").addObject().put("window", window);
    }

    /** A staff member with dated assignments: {window, from or null, to or null}, … */
    static void staffMoving(ObjectNode ds, String id, String name, String[]... assignments) {
        ObjectNode s = ((ArrayNode) ds.get("staff")).addObject().put("id", id).put("name", name);
        ArrayNode a = s.putArray("assignments");
        for (String[] x : assignments) {
            ObjectNode o = a.addObject().put("window", x[0]);
            if (x[1] != null) o.put("from", x[1]);
            if (x[2] != null) o.put("to", x[2]);
        }
    }

    /** core/tests/periods.rs's hall(n): windows W01… (odd in D1, even in D2), each with staff S01… as head. */
    static ObjectNode hall(int n) {
        ObjectNode ds = empty();
        for (int i = 1; i <= n; i++) {
            String w = String.format("W%02d", i);
            String s = String.format("S%02d", i);
            window(ds, w, "窗口" + i, i % 2 == 0 ? "D2" : "D1", s);
            staff(ds, s, "员工" + i, w);
        }
        return ds;
    }

    /** Adds a record; returns it for more fields (minutes, points, count, level, key…). */
    static ObjectNode rec(ObjectNode ds, String id, String rule, String subject, String date) {
        return ((ArrayNode) ds.get("records")).addObject().put("id", id).put("rule", rule).put("subject", subject).put("date", date);
    }

    static byte[] bytes(ObjectNode ds) {
        return ds.toString().getBytes(StandardCharsets.UTF_8);
    }
}
