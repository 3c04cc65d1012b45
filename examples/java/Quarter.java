import org.kaoping.*;
import java.io.*;
import java.nio.file.Path;

/** Scores a hall for 2026-Q3 and prints the award lists: java Quarter examples/data/county-2026.json */
public class Quarter {
    public static void main(String[] args) throws IOException {
        // Never the platform charset: under LC_ALL=C it would print Chinese names as '?'.
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, "UTF-8");
        try (Engine engine = Engine.builtin(Language.ZH_CN)) {
            PeriodResult q3 = engine.evaluatePeriod(Path.of(args[0]), "2026-Q3");
            for (AwardResult award : q3.getAwards()) {
                out.println(award.getName() + " (" + award.getQuotaDetail() + ")");
                for (Standing s : award.getWinners()) {
                    out.println("  " + s.getRank() + ". " + s.getSubject() + " " + s.getName() + " " + s.getScore().toPlainString());
                }
            }
        } catch (KaopingException e) {
            for (Problem p : e.getProblems()) out.println(p.getPath() + ": " + p.getMessage());
            System.exit(1);
        }
    }
}
