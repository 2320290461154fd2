package dev.statecraft.parser.cli;

import dev.statecraft.model.AnnouncementJson;
import dev.statecraft.parser.AnnouncementParser;
import dev.statecraft.parser.InputFormat;
import dev.statecraft.parser.ParserInput;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code java -jar announcement-parser-cli.jar [--published YYYY-MM-DD] FILE...}: one JSON object per file
 * (JSON Lines) on stdout; per-file errors on stderr and a non-zero exit status at the end.
 */
public final class ParserCli {
    private static final String USAGE = "usage: announcement-parser [--published YYYY-MM-DD] FILE...";

    private ParserCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        LocalDate published = null;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--published")) {
                if (i + 1 >= args.length) {
                    err.println(USAGE);
                    return 2;
                }
                try {
                    published = LocalDate.parse(args[++i]);
                } catch (DateTimeParseException e) {
                    err.println("--published: not a date (YYYY-MM-DD): " + args[i]);
                    return 2;
                }
            } else if (args[i].equals("--help") || args[i].equals("-h")) {
                out.println(USAGE);
                return 0;
            } else {
                files.add(Path.of(args[i]));
            }
        }
        if (files.isEmpty()) {
            err.println(USAGE);
            return 2;
        }
        AnnouncementParser parser = new AnnouncementParser();
        int failures = 0;
        for (Path file : files) {
            try {
                String content = Files.readString(file, StandardCharsets.UTF_8);
                ParserInput input = new ParserInput(content, formatOf(file), null, published, Instant.now());
                out.println(AnnouncementJson.write(parser.parse(input)));
            } catch (IOException | RuntimeException e) {
                err.println(file + ": " + e);
                failures++;
            }
        }
        out.flush();
        return failures == 0 ? 0 : 1;
    }

    static InputFormat formatOf(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            return InputFormat.GOVUK_CONTENT;
        }
        return name.endsWith(".html") || name.endsWith(".htm") ? InputFormat.HTML : InputFormat.TEXT;
    }
}
