package org.kaoping;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.RandomAccess;

/**
 * A hall's whole year as columns ({@code kaoping-columns/1}, {@code KP_COLUMNS}): the numbers of
 * a scores-only {@link HallYear} in five tables of equal-length columns, for platforms that read
 * many halls. Subjects and texts (grades, category codes, award ids) are listed once; rows refer
 * to them by index. Decimals are {@link BigDecimal}s read exactly from the library's strings.
 *
 * <ul>
 *   <li>{@link #getMonths()}: one row per subject evaluated in a month (base, bonus, total, grade);</li>
 *   <li>{@link #getCategories()}: one row per category (bonus categories too) of a subject-month;</li>
 *   <li>{@link #getPeriods()}: one row per subject of each quarter and of the year (and of each
 *       month, when the policy awards monthly): score, grade, ranks, deductions, bonus, complaints;</li>
 *   <li>{@link #getStandings()}: one row per participant of each award of each period.</li>
 * </ul>
 *
 * <pre>{@code
 * HallYearColumns c = engine.evaluateHallYearColumns(Path.of("county-2026.json"));
 * HallYearColumns.Periods p = c.getPeriods();
 * for (int row = 0; row < p.size(); row++)
 *     if (p.period(row).equals("2026") && p.rank(row) <= 3)
 *         System.out.println(p.subjectOf(row).getName() + " " + p.score(row).toPlainString());
 * }</pre>
 *
 * <p>Left out (ask for {@link Engine#evaluateHallYear(byte[], Detail)} for them): every text that
 * explains a number (details, outcomes, flags, warnings), category names and maxima, award
 * quotas, department feedback. Immutable: the columns are read through accessors and
 * unmodifiable list views.
 */
public final class HallYearColumns {
    /** The format this class reads, written first in the JSON. */
    public static final String FORMAT = "kaoping-columns/1";

    private final String policy;
    private final String hall;
    private final int year;
    private final Subjects subjects;
    private final List<String> texts;
    private final Months months;
    private final Categories categories;
    private final Periods periods;
    private final Standings standings;

    private HallYearColumns(Reader r) {
        this.policy = r.policy;
        this.hall = r.hall;
        this.year = r.year;
        this.subjects = new Subjects(r);
        this.texts = Collections.unmodifiableList(Arrays.asList(r.texts));
        this.months = new Months(this, r);
        this.categories = new Categories(this, r);
        this.periods = new Periods(this, r);
        this.standings = new Standings(this, r);
    }

    /**
     * Reads the columns JSON ({@code kaoping-columns/1}, as {@link Engine#evaluateHallYearColumnsJson(byte[])}
     * returns it) with a streaming parser: no tree is built.
     *
     * @throws IllegalStateException for JSON of another format or shape (a library of another version)
     */
    public static HallYearColumns parse(byte[] json) {
        Reader r = new Reader();
        try (JsonParser p = Json.MAPPER.getFactory().createParser(json)) {
            r.read(p);
        } catch (IOException e) {
            throw new IllegalStateException("libkaoping returned JSON that does not parse: " + e.getMessage(), e);
        }
        r.check();
        return new HallYearColumns(r);
    }

    /** The format, {@value #FORMAT}. */
    public String getFormat() {
        return FORMAT;
    }

    /** The policy's id. */
    public String getPolicy() {
        return policy;
    }

    /** The hall's id. */
    public String getHall() {
        return hall;
    }

    /** The dataset's year. */
    public int getYear() {
        return year;
    }

    /** The windows and staff, each once, in the order the results first name them. */
    public Subjects getSubjects() {
        return subjects;
    }

    /** Grades, category codes and award ids, each once; the tables' text columns index this list. */
    public List<String> getTexts() {
        return texts;
    }

    /** The text at an index of a text column. */
    public String text(int index) {
        return texts.get(index);
    }

    /** One row per subject evaluated in a month. */
    public Months getMonths() {
        return months;
    }

    /** One row per category (bonus categories too) of a subject-month. */
    public Categories getCategories() {
        return categories;
    }

    /** One row per subject of each period (the quarters and the year). */
    public Periods getPeriods() {
        return periods;
    }

    /** One row per participant of each award of each period. */
    public Standings getStandings() {
        return standings;
    }

    /** A window or staff member by id. */
    public Optional<Subject> findSubject(String id) {
        int i = subjects.indexOf(id);
        return i < 0 ? Optional.empty() : Optional.of(subjects.get(i));
    }

    @Override
    public String toString() {
        return "HallYearColumns{" + hall + " " + year + ", " + subjects.size() + " subjects, " + months.size() + " subject-months, "
                + categories.size() + " categories, " + periods.size() + " period rows, " + standings.size() + " standings}";
    }

    // ------------------------------------------------------------------ subjects

    /** A window or a staff member of the subjects table. Immutable. */
    public static final class Subject {
        private final int index;
        private final String id;
        private final SubjectKind kind;
        private final String name;
        private final String department;

        Subject(int index, String id, SubjectKind kind, String name, String department) {
            this.index = index;
            this.id = id;
            this.kind = kind;
            this.name = name;
            this.department = department;
        }

        /** Its index in the subjects table, as the tables' {@code subject} columns hold it. */
        public int getIndex() {
            return index;
        }

        /** The id, like {@code W01} or {@code S001}. */
        public String getId() {
            return id;
        }

        public SubjectKind getKind() {
            return kind;
        }

        /** The name from the dataset's roster. */
        public String getName() {
            return name;
        }

        /** The department's id. */
        public String getDepartment() {
            return department;
        }

        @Override
        public String toString() {
            return id + " " + name;
        }
    }

    /** The subjects table: id, kind, name and department of each window and staff member. */
    public static final class Subjects {
        private final Subject[] rows;
        private final List<Subject> list;
        private final Map<String, Integer> at;

        private Subjects(Reader r) {
            int n = r.subjectIds.length;
            rows = new Subject[n];
            at = new HashMap<>(n * 2);
            for (int i = 0; i < n; i++) {
                rows[i] = new Subject(i, r.subjectIds[i], r.subjectKinds[i], r.subjectNames[i], r.subjectDepartments[i]);
                at.put(r.subjectIds[i], i);
            }
            list = Collections.unmodifiableList(Arrays.asList(rows));
        }

        public int size() {
            return rows.length;
        }

        /** The subject at an index of a {@code subject} column. */
        public Subject get(int index) {
            return rows[index];
        }

        /** The index of a subject's id, or -1. */
        public int indexOf(String id) {
            Integer i = at.get(id);
            return i == null ? -1 : i;
        }

        /** Every subject, in table order (unmodifiable). */
        public List<Subject> asList() {
            return list;
        }
    }

    // ------------------------------------------------------------------ the tables

    /** What every table has: a size and a subject per row. */
    public abstract static class Table {
        final HallYearColumns owner;
        final int[] subject;

        Table(HallYearColumns owner, int[] subject) {
            this.owner = owner;
            this.subject = subject;
        }

        /** The number of rows. */
        public int size() {
            return subject.length;
        }

        /** The row's subject as an index into {@link HallYearColumns#getSubjects()}. */
        public int subject(int row) {
            return subject[row];
        }

        /** The row's subject. */
        public Subject subjectOf(int row) {
            return owner.subjects.get(subject[row]);
        }

        /** The {@code subject} column (unmodifiable). */
        public List<Integer> subjectColumn() {
            return new IntColumn(subject);
        }
    }

    /** One row per subject evaluated in a month: base, bonus, total and grade. */
    public static final class Months extends Table {
        private final int[] month;
        private final BigDecimal[] base;
        private final BigDecimal[] bonus;
        private final BigDecimal[] total;
        private final int[] grade;

        private Months(HallYearColumns owner, Reader r) {
            super(owner, r.mSubject);
            month = r.mMonth;
            base = r.mBase;
            bonus = r.mBonus;
            total = r.mTotal;
            grade = r.mGrade;
        }

        /** The month, 1 to 12. */
        public int month(int row) {
            return month[row];
        }

        /** The month with the year. */
        public YearMonth yearMonth(int row) {
            return YearMonth.of(owner.year, month[row]);
        }

        /** The base score (100 less deductions, each category floored at zero). */
        public BigDecimal base(int row) {
            return base[row];
        }

        public BigDecimal bonus(int row) {
            return bonus[row];
        }

        /** base + bonus. */
        public BigDecimal total(int row) {
            return total[row];
        }

        /** The grade as an index into {@link HallYearColumns#getTexts()}. */
        public int grade(int row) {
            return grade[row];
        }

        /** The grade, like {@code 优秀}. */
        public String gradeOf(int row) {
            return owner.texts.get(grade[row]);
        }

        public List<Integer> monthColumn() {
            return new IntColumn(month);
        }

        public List<BigDecimal> baseColumn() {
            return column(base);
        }

        public List<BigDecimal> bonusColumn() {
            return column(bonus);
        }

        public List<BigDecimal> totalColumn() {
            return column(total);
        }

        public List<Integer> gradeColumn() {
            return new IntColumn(grade);
        }
    }

    /** One row per category (bonus categories too) of a subject-month: points lost or won, score. */
    public static final class Categories extends Table {
        private final int[] month;
        private final int[] category;
        private final BigDecimal[] points;
        private final BigDecimal[] score;

        private Categories(HallYearColumns owner, Reader r) {
            super(owner, r.cSubject);
            month = r.cMonth;
            category = r.cCategory;
            points = r.cPoints;
            score = r.cScore;
        }

        /** The month, 1 to 12. */
        public int month(int row) {
            return month[row];
        }

        /** The category's code as an index into {@link HallYearColumns#getTexts()}. */
        public int category(int row) {
            return category[row];
        }

        /** The category's code, like {@code W2} or {@code WB}. */
        public String categoryOf(int row) {
            return owner.texts.get(category[row]);
        }

        /** Points deducted (or, for a bonus category, awarded). */
        public BigDecimal points(int row) {
            return points[row];
        }

        public BigDecimal score(int row) {
            return score[row];
        }

        public List<Integer> monthColumn() {
            return new IntColumn(month);
        }

        public List<Integer> categoryColumn() {
            return new IntColumn(category);
        }

        public List<BigDecimal> pointsColumn() {
            return column(points);
        }

        public List<BigDecimal> scoreColumn() {
            return column(score);
        }
    }

    /** One row per subject of each period: score, grade, ranks, deductions, bonus, complaints. */
    public static final class Periods extends Table {
        private final String[] period;
        private final BigDecimal[] score;
        private final int[] grade;
        private final int[] rank;
        private final int[] departmentRank;
        private final int[] monthsEvaluated;
        private final BigDecimal[] deductions;
        private final BigDecimal[] bonus;
        private final int[] complaints;

        private Periods(HallYearColumns owner, Reader r) {
            super(owner, r.pSubject);
            period = r.pPeriod;
            score = r.pScore;
            grade = r.pGrade;
            rank = r.pRank;
            departmentRank = r.pDepartmentRank;
            monthsEvaluated = r.pMonthsEvaluated;
            deductions = r.pDeductions;
            bonus = r.pBonus;
            complaints = r.pComplaints;
        }

        /** The period, like {@code 2026-Q3} or {@code 2026}. */
        public String period(int row) {
            return period[row];
        }

        public BigDecimal score(int row) {
            return score[row];
        }

        /** The grade as an index into {@link HallYearColumns#getTexts()}. */
        public int grade(int row) {
            return grade[row];
        }

        public String gradeOf(int row) {
            return owner.texts.get(grade[row]);
        }

        public int rank(int row) {
            return rank[row];
        }

        public int departmentRank(int row) {
            return departmentRank[row];
        }

        public int monthsEvaluated(int row) {
            return monthsEvaluated[row];
        }

        public BigDecimal deductions(int row) {
            return deductions[row];
        }

        public BigDecimal bonus(int row) {
            return bonus[row];
        }

        public int complaints(int row) {
            return complaints[row];
        }

        public List<String> periodColumn() {
            return column(period);
        }

        public List<BigDecimal> scoreColumn() {
            return column(score);
        }

        public List<Integer> gradeColumn() {
            return new IntColumn(grade);
        }

        public List<Integer> rankColumn() {
            return new IntColumn(rank);
        }

        public List<Integer> departmentRankColumn() {
            return new IntColumn(departmentRank);
        }

        public List<Integer> monthsEvaluatedColumn() {
            return new IntColumn(monthsEvaluated);
        }

        public List<BigDecimal> deductionsColumn() {
            return column(deductions);
        }

        public List<BigDecimal> bonusColumn() {
            return column(bonus);
        }

        public List<Integer> complaintsColumn() {
            return new IntColumn(complaints);
        }
    }

    /** One row per participant of each award of each period: rank, score and status. */
    public static final class Standings extends Table {
        private final String[] period;
        private final int[] award;
        private final int[] rank;
        private final BigDecimal[] score;
        private final AwardStatus[] status;

        private Standings(HallYearColumns owner, Reader r) {
            super(owner, r.sSubject);
            period = r.sPeriod;
            award = r.sAward;
            rank = r.sRank;
            score = r.sScore;
            status = r.sStatus;
        }

        public String period(int row) {
            return period[row];
        }

        /** The award's id as an index into {@link HallYearColumns#getTexts()}. */
        public int award(int row) {
            return award[row];
        }

        /** The award's id, like {@code model_window}. */
        public String awardOf(int row) {
            return owner.texts.get(award[row]);
        }

        public int rank(int row) {
            return rank[row];
        }

        public BigDecimal score(int row) {
            return score[row];
        }

        public AwardStatus status(int row) {
            return status[row];
        }

        public List<String> periodColumn() {
            return column(period);
        }

        public List<Integer> awardColumn() {
            return new IntColumn(award);
        }

        public List<Integer> rankColumn() {
            return new IntColumn(rank);
        }

        public List<BigDecimal> scoreColumn() {
            return column(score);
        }

        public List<AwardStatus> statusColumn() {
            return column(status);
        }
    }

    private static <T> List<T> column(T[] a) {
        return Collections.unmodifiableList(Arrays.asList(a));
    }

    /** An unmodifiable view of an int column. */
    private static final class IntColumn extends AbstractList<Integer> implements RandomAccess {
        private final int[] a;

        IntColumn(int[] a) {
            this.a = a;
        }

        @Override
        public Integer get(int index) {
            return a[index];
        }

        @Override
        public int size() {
            return a.length;
        }
    }

    // ------------------------------------------------------------------ reading

    /** Reads the JSON token by token straight into the columns, then checks their lengths and indexes. */
    private static final class Reader {
        String format;
        String policy;
        String hall;
        Integer year;
        String[] subjectIds;
        SubjectKind[] subjectKinds;
        String[] subjectNames;
        String[] subjectDepartments;
        String[] texts;
        int[] mMonth, mSubject, mGrade;
        BigDecimal[] mBase, mBonus, mTotal;
        int[] cMonth, cSubject, cCategory;
        BigDecimal[] cPoints, cScore;
        String[] pPeriod;
        int[] pSubject, pGrade, pRank, pDepartmentRank, pMonthsEvaluated, pComplaints;
        BigDecimal[] pScore, pDeductions, pBonus;
        String[] sPeriod;
        int[] sAward, sSubject, sRank;
        BigDecimal[] sScore;
        AwardStatus[] sStatus;

        /** Period labels, each kept once. */
        private final Map<String, String> labels = new HashMap<>();

        void read(JsonParser p) throws IOException {
            if (p.nextToken() != JsonToken.START_OBJECT) throw Json.shape("the columns are not a JSON object");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.getCurrentName();
                p.nextToken();
                switch (field) {
                    case "format":
                        format = string(p, field);
                        if (!FORMAT.equals(format)) throw Json.shape("format \"" + format + "\", not " + FORMAT);
                        break;
                    case "policy":
                        policy = string(p, field);
                        break;
                    case "hall":
                        hall = string(p, field);
                        break;
                    case "year":
                        year = integer(p, field);
                        break;
                    case "subjects":
                        table(p, field, this::subjects);
                        break;
                    case "texts":
                        texts = strings(p, field, false);
                        break;
                    case "months":
                        table(p, field, this::months);
                        break;
                    case "categories":
                        table(p, field, this::categories);
                        break;
                    case "periods":
                        table(p, field, this::periods);
                        break;
                    case "standings":
                        table(p, field, this::standings);
                        break;
                    default:
                        p.skipChildren(); // a field this jar does not know
                }
            }
        }

        private interface Column {
            /** Reads the column named {@code name} (the parser is on its START_ARRAY); false when unknown. */
            boolean read(JsonParser p, String name) throws IOException;
        }

        private void table(JsonParser p, String table, Column c) throws IOException {
            if (p.currentToken() != JsonToken.START_OBJECT) throw Json.shape("\"" + table + "\" is not an object");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.getCurrentName();
                p.nextToken();
                if (!c.read(p, table + "." + name)) p.skipChildren();
            }
        }

        private boolean subjects(JsonParser p, String name) throws IOException {
            switch (name) {
                case "subjects.id": subjectIds = strings(p, name, false); return true;
                case "subjects.kind": {
                    String[] k = strings(p, name, false);
                    subjectKinds = new SubjectKind[k.length];
                    for (int i = 0; i < k.length; i++) subjectKinds[i] = Json.codeOf(SubjectKind.class, k[i]);
                    return true;
                }
                case "subjects.name": subjectNames = strings(p, name, false); return true;
                case "subjects.department": subjectDepartments = strings(p, name, false); return true;
                default: return false;
            }
        }

        private boolean months(JsonParser p, String name) throws IOException {
            switch (name) {
                case "months.month": mMonth = ints(p, name); return true;
                case "months.subject": mSubject = ints(p, name); return true;
                case "months.base": mBase = decimals(p, name); return true;
                case "months.bonus": mBonus = decimals(p, name); return true;
                case "months.total": mTotal = decimals(p, name); return true;
                case "months.grade": mGrade = ints(p, name); return true;
                default: return false;
            }
        }

        private boolean categories(JsonParser p, String name) throws IOException {
            switch (name) {
                case "categories.month": cMonth = ints(p, name); return true;
                case "categories.subject": cSubject = ints(p, name); return true;
                case "categories.category": cCategory = ints(p, name); return true;
                case "categories.points": cPoints = decimals(p, name); return true;
                case "categories.score": cScore = decimals(p, name); return true;
                default: return false;
            }
        }

        private boolean periods(JsonParser p, String name) throws IOException {
            switch (name) {
                case "periods.period": pPeriod = strings(p, name, true); return true;
                case "periods.subject": pSubject = ints(p, name); return true;
                case "periods.score": pScore = decimals(p, name); return true;
                case "periods.grade": pGrade = ints(p, name); return true;
                case "periods.rank": pRank = ints(p, name); return true;
                case "periods.department_rank": pDepartmentRank = ints(p, name); return true;
                case "periods.months_evaluated": pMonthsEvaluated = ints(p, name); return true;
                case "periods.deductions": pDeductions = decimals(p, name); return true;
                case "periods.bonus": pBonus = decimals(p, name); return true;
                case "periods.complaints": pComplaints = ints(p, name); return true;
                default: return false;
            }
        }

        private boolean standings(JsonParser p, String name) throws IOException {
            switch (name) {
                case "standings.period": sPeriod = strings(p, name, true); return true;
                case "standings.award": sAward = ints(p, name); return true;
                case "standings.subject": sSubject = ints(p, name); return true;
                case "standings.rank": sRank = ints(p, name); return true;
                case "standings.score": sScore = decimals(p, name); return true;
                case "standings.status": {
                    String[] s = strings(p, name, true);
                    sStatus = new AwardStatus[s.length];
                    for (int i = 0; i < s.length; i++) sStatus[i] = Json.codeOf(AwardStatus.class, s[i]);
                    return true;
                }
                default: return false;
            }
        }

        private static String string(JsonParser p, String name) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) throw Json.shape("\"" + name + "\" is not a string");
            return p.getText();
        }

        private static int integer(JsonParser p, String name) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) throw Json.shape("\"" + name + "\" is not an integer");
            long v = p.getLongValue();
            if (v < 0 || v > Integer.MAX_VALUE) throw Json.shape("\"" + name + "\" holds " + v + ", out of range");
            return (int) v;
        }

        private static void array(JsonParser p, String name) {
            if (p.currentToken() != JsonToken.START_ARRAY) throw Json.shape("\"" + name + "\" is not an array");
        }

        private static int[] ints(JsonParser p, String name) throws IOException {
            array(p, name);
            int[] a = new int[64];
            int n = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (n == a.length) a = Arrays.copyOf(a, n * 2);
                a[n++] = integer(p, name);
            }
            return Arrays.copyOf(a, n);
        }

        /** Exact decimals from the JSON strings (numbers too), never through double. */
        private static BigDecimal[] decimals(JsonParser p, String name) throws IOException {
            array(p, name);
            ArrayList<BigDecimal> a = new ArrayList<>(256);
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t == JsonToken.VALUE_STRING) {
                    try {
                        a.add(new BigDecimal(p.getTextCharacters(), p.getTextOffset(), p.getTextLength()));
                    } catch (NumberFormatException e) {
                        throw Json.shape("\"" + name + "\" holds " + p.getText() + ", not a decimal");
                    }
                } else if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                    a.add(p.getDecimalValue());
                } else {
                    throw Json.shape("\"" + name + "\" holds a " + t + ", not a decimal");
                }
            }
            return a.toArray(new BigDecimal[0]);
        }

        private String[] strings(JsonParser p, String name, boolean once) throws IOException {
            array(p, name);
            ArrayList<String> a = new ArrayList<>(256);
            while (p.nextToken() != JsonToken.END_ARRAY) {
                String s = string(p, name);
                a.add(once ? labels.computeIfAbsent(s, k -> k) : s);
            }
            return a.toArray(new String[0]);
        }

        // ------------------------------------------------------------ checks

        void check() {
            if (format == null) throw Json.shape("no \"format\": not " + FORMAT);
            need(policy, "policy");
            need(hall, "hall");
            need(year, "year");
            need(texts, "texts");
            int subjects = same("subjects", need(subjectIds, "subjects.id"), need(subjectKinds, "subjects.kind"),
                    need(subjectNames, "subjects.name"), need(subjectDepartments, "subjects.department"));
            same("months", need(mMonth, "months.month"), need(mSubject, "months.subject"), need(mBase, "months.base"),
                    need(mBonus, "months.bonus"), need(mTotal, "months.total"), need(mGrade, "months.grade"));
            same("categories", need(cMonth, "categories.month"), need(cSubject, "categories.subject"),
                    need(cCategory, "categories.category"), need(cPoints, "categories.points"), need(cScore, "categories.score"));
            same("periods", need(pPeriod, "periods.period"), need(pSubject, "periods.subject"), need(pScore, "periods.score"),
                    need(pGrade, "periods.grade"), need(pRank, "periods.rank"), need(pDepartmentRank, "periods.department_rank"),
                    need(pMonthsEvaluated, "periods.months_evaluated"), need(pDeductions, "periods.deductions"),
                    need(pBonus, "periods.bonus"), need(pComplaints, "periods.complaints"));
            same("standings", need(sPeriod, "standings.period"), need(sAward, "standings.award"), need(sSubject, "standings.subject"),
                    need(sRank, "standings.rank"), need(sScore, "standings.score"), need(sStatus, "standings.status"));
            below(mSubject, subjects, "months.subject");
            below(cSubject, subjects, "categories.subject");
            below(pSubject, subjects, "periods.subject");
            below(sSubject, subjects, "standings.subject");
            below(mGrade, texts.length, "months.grade");
            below(cCategory, texts.length, "categories.category");
            below(pGrade, texts.length, "periods.grade");
            below(sAward, texts.length, "standings.award");
            for (int m : mMonth) if (m < 1 || m > 12) throw Json.shape("months.month holds " + m);
            for (int m : cMonth) if (m < 1 || m > 12) throw Json.shape("categories.month holds " + m);
        }

        private static <T> T need(T column, String name) {
            if (column == null) throw Json.shape("no \"" + name + "\" in the columns");
            return column;
        }

        /** The tables' columns all have one length: that length. */
        private static int same(String table, Object... columns) {
            int n = java.lang.reflect.Array.getLength(columns[0]);
            for (Object c : columns) {
                if (java.lang.reflect.Array.getLength(c) != n) throw Json.shape("the columns of \"" + table + "\" differ in length");
            }
            return n;
        }

        private static void below(int[] column, int limit, String name) {
            for (int v : column) if (v >= limit) throw Json.shape(name + " holds " + v + ", beyond its table of " + limit);
        }
    }
}
