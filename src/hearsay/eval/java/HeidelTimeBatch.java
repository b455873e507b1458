// Runs HeidelTime (news mode, English, TreeTagger) over many documents in one JVM, so that the
// peer comparison in `hearsay eval times --peer heideltime` does not pay a JVM and tagger start
// per document. Launched as a single-file program:
//   java -cp de.unihd.dbs.heideltime.standalone.jar HeidelTimeBatch.java config.props MANIFEST
// MANIFEST lines: INPUT_TXT <tab> DCT (YYYY-MM-DD or -) <tab> OUTPUT_TML
// A document that fails gets "ERROR <message>" written to its output file; the batch goes on.
import de.unihd.dbs.heideltime.standalone.DocumentType;
import de.unihd.dbs.heideltime.standalone.HeidelTimeStandalone;
import de.unihd.dbs.heideltime.standalone.OutputType;
import de.unihd.dbs.heideltime.standalone.POSTagger;
import de.unihd.dbs.uima.annotator.heideltime.resources.Language;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.List;

public class HeidelTimeBatch {
    public static void main(String[] args) throws Exception {
        HeidelTimeStandalone tagger = new HeidelTimeStandalone(
                Language.ENGLISH, DocumentType.NEWS, OutputType.TIMEML, args[0], POSTagger.TREETAGGER, false);
        SimpleDateFormat day = new SimpleDateFormat("yyyy-MM-dd");
        List<String> lines = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8);
        for (String line : lines) {
            String[] cols = line.split("\t");
            if (cols.length != 3) continue;
            String result;
            try {
                String text = Files.readString(Path.of(cols[0]), StandardCharsets.UTF_8);
                Date dct = cols[1].equals("-") ? new Date() : day.parse(cols[1]);
                result = tagger.process(text, dct);
            } catch (Exception e) {
                result = "ERROR " + e;
            }
            Files.writeString(Path.of(cols[2]), result, StandardCharsets.UTF_8);
        }
    }
}
