package dev.statecraft.parser.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.parser.RandomTexts;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The reader over line offsets ({@link PlainTextReader.Lines}) gives exactly what the former reader (a string per
 * line, stripped and joined in a {@link StringBuilder}; kept below as {@link Former}) gave, on random texts made of
 * the chars its rules look at (",", ";" and lower case too, for the mid-sentence rule added since): line
 * breaks of every kind, spaces of every kind, bullets, digits, closing marks,
 * header words and lone surrogates.
 */
class PlainTextReaderLinesTest {
    private static final Random RANDOM = new Random(20261127);
    private static final String[] PIECES = {"a", "Word", " ", "  ", "\t", "\n", "\n\n", "\r", "\r\n", "\u2003", "\u00a0",
        "\u001c", ".", ",", ";", "b", ":", "!", "”", "\"", "’", ")", "- ", "• ", "* ", "1. ", "12) ", "7", "\ud83d",
        "\ude00",
        "Published 3 March 2024", "Source: https://x.gov.uk/a", "Updated: 2024-01-01", "date 2018-01-31 News",
        "A long line of ordinary prose that goes on for a while before it stops", "\u200b", "\ufeff"};

    @Test
    void readsAsTheFormerReader() {
        for (int round = 0; round < 20_000; round++) {
            String content = RandomTexts.joined(RANDOM, PIECES, 0, 40);
            SourceDocument expected = Former.read(content);
            SourceDocument actual = PlainTextReader.read(content);
            assertThat(actual.body().text()).as(content).isEqualTo(expected.body().text());
            assertThat(actual.body().paragraphs()).as(content).isEqualTo(expected.body().paragraphs());
            assertThat(actual.publishedLine()).as(content).isEqualTo(expected.publishedLine());
            assertThat(actual.sourceUrl()).as(content).isEqualTo(expected.sourceUrl());
        }
    }

    /** The reader before session 8, unchanged but for its name. */
    private static final class Former {
        private static final int MAX_WRAP_WIDTH = 100;
        private static final double FULL_LINE_SHARE = 0.6;
        private static final Pattern HEADER_LINE =
                Pattern.compile("^\\s*(Source|Published|Updated|Last updated|Date|URL)\\s*:\\s*(.*)$",
                        Pattern.CASE_INSENSITIVE);
        private static final Pattern PUBLISHED_DATELINE = Pattern.compile("^\\s*(?:First published|Published|Updated"
                + "|Last updated)(?: on)?\\s+(\\d{1,2}(?:st|nd|rd|th)? \\p{L}+ \\d{4}|\\p{L}+ \\d{1,2},? \\d{4}"
                + "|\\d{4}-\\d{2}-\\d{2})\\.?\\s*$", Pattern.CASE_INSENSITIVE);
        private static final Pattern DATE_FURNITURE = Pattern.compile("^\\s*date\\s+(\\d{4}-\\d{2}-\\d{2})\\b.*$");
        private static final Pattern LIST_ITEM = Pattern.compile("^\\s*(?:[-•*–·]|\\d{1,2}[.)])\\s+");
        private static final Pattern URL = Pattern.compile("https?://\\S+");

        static SourceDocument read(String content) {
            String[] lines = content.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
            int first = 0;
            String published = null;
            String sourceUrl = null;
            while (first < lines.length) {
                String line = lines[first];
                Matcher header = HEADER_LINE.matcher(line);
                Matcher furniture = DATE_FURNITURE.matcher(line);
                Matcher dateline = PUBLISHED_DATELINE.matcher(line);
                if (line.isBlank()) {
                    first++;
                } else if (header.matches()) {
                    String key = header.group(1).toLowerCase();
                    String value = header.group(2).trim();
                    if (key.startsWith("source") || key.equals("url")) {
                        Matcher url = URL.matcher(value);
                        sourceUrl = url.find() ? url.group() : sourceUrl;
                    } else if (published == null) {
                        published = value;
                    }
                    first++;
                } else if (dateline.matches()) {
                    published = published == null ? dateline.group(1) : published;
                    first++;
                } else if (furniture.matches()) {
                    published = published == null ? furniture.group(1) : published;
                    first++;
                } else {
                    break;
                }
            }
            // "Published 24 February 2025" right under the heading is page furniture too, not a date of the story.
            int furnitureLine = -1;
            for (int i = first + 1, seen = 0; i < lines.length && seen < 2; i++) {
                if (lines[i].isBlank()) {
                    continue;
                }
                seen++;
                Matcher dateline = PUBLISHED_DATELINE.matcher(lines[i]);
                Matcher header = HEADER_LINE.matcher(lines[i]);
                if (dateline.matches()) {
                    published = published == null ? dateline.group(1) : published;
                    furnitureLine = i;
                    break;
                }
                if (header.matches() && header.group(1).toLowerCase().matches("published|updated|last updated|date")) {
                    published = published == null ? header.group(2).trim() : published;
                    furnitureLine = i;
                    break;
                }
            }
            List<String> rest = new ArrayList<>();
            for (int i = first; i < lines.length; i++) {
                if (i != furnitureLine) {
                    rest.add(lines[i].stripTrailing());
                }
            }
            return SourceDocument.of(null, unwrap(rest), published, sourceUrl, "text");
        }

        static Body unwrap(List<String> lines) {
            int width = 0;
            int total = 0;
            for (String line : lines) {
                width = Math.max(width, line.strip().length());
                total += line.length() + 1;
            }
            boolean hardWrapped = width <= MAX_WRAP_WIDTH;
            BodyBuilder body = new BodyBuilder(total);
            StringBuilder paragraph = new StringBuilder();
            Matcher listItem = LIST_ITEM.matcher(""); // reset per line: one matcher, not one per line
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty()) {
                    flush(body, paragraph);
                    continue;
                }
                if (!paragraph.isEmpty()) {
                    paragraph.append(' ');
                }
                paragraph.append(line);
                String next = i + 1 < lines.size() ? lines.get(i + 1) : "";
                boolean continues = hardWrapped
                        && !endsParagraph(line)
                        && (line.length() >= FULL_LINE_SHARE * width || midSentence(line, next.strip()))
                        && !(mayStartListItem(next) && listItem.reset(next).find());
                if (!continues) {
                    flush(body, paragraph);
                }
            }
            flush(body, paragraph);
            return body.build();
        }

        /**
         * Whether {@link #LIST_ITEM} can match {@code line}: its first char after leading {@code \s} is a bullet
         * or a digit. Most lines open with a letter, and this spares them the regex.
         */
        private static boolean mayStartListItem(String line) {
            int i = 0;
            while (i < line.length() && " \t\n\u000B\f\r".indexOf(line.charAt(i)) >= 0) {
                i++;
            }
            if (i == line.length()) {
                return false;
            }
            char c = line.charAt(i);
            return c >= '0' && c <= '9' || "-•*–·".indexOf(c) >= 0;
        }

        /** A line ending a sentence ("."/"!"/"?"/":", maybe before closing marks) or a quote ends its paragraph. */
        /** The rule added since: a short line ending in a comma or semicolon, or before lower case, runs on. */
        private static boolean midSentence(String line, String next) {
            return !next.isEmpty()
                    && (line.endsWith(",") || line.endsWith(";") || Character.isLowerCase(next.charAt(0)));
        }

        private static boolean endsParagraph(String line) {
            char last = line.charAt(line.length() - 1);
            if (last == '”' || last == '"') {
                return true;
            }
            int i = line.length() - 1;
            while (i > 0 && "\"”’')]".indexOf(line.charAt(i)) >= 0) {
                i--;
            }
            return ".!?:".indexOf(line.charAt(i)) >= 0;
        }

        private static void flush(BodyBuilder body, StringBuilder paragraph) {
            body.add(paragraph, false);
            paragraph.setLength(0);
        }
    }
}
