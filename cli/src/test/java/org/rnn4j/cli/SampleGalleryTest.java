package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.train.Evaluation;

/** Samples kept during training: samples.txt and samples.html, appended to, escaped, and off with --no-keep-samples. */
class SampleGalleryTest {

    @TempDir
    Path temp;

    @Test
    void aRunKeepsEverySampleWithItsStepAndValidationLoss() throws IOException {
        Path run = temp.resolve("run");
        Cli.trainTiny(Cli.sonnets(), run, "--max-steps", "20", "--sample-every", "10").ok();
        String text = Files.readString(run.resolve(SampleGallery.TEXT_FILE), StandardCharsets.UTF_8);
        List<String> headings = Pattern.compile("(?m)^=== step (\\d+), validation loss \\d+\\.\\d{4} ===$").matcher(text)
                .results().map(m -> m.group(1)).toList();
        assertEquals(List.of("10", "20"), headings, text);
        String html = Files.readString(run.resolve(SampleGallery.HTML_FILE), StandardCharsets.UTF_8);
        assertEquals(2, Pattern.compile("<section>").matcher(html).results().count(), html);
        assertEquals(1, Pattern.compile("<!DOCTYPE html>").matcher(html).results().count(), "one head: " + html);
        assertEquals(List.of(), Cli.temporaryFiles(run));

        Cli.run("train", "--resume", run.resolve("checkpoint.safetensors").toString(), "--max-steps", "30").ok();
        String resumed = Files.readString(run.resolve(SampleGallery.TEXT_FILE), StandardCharsets.UTF_8);
        assertTrue(resumed.startsWith(text), "a resumed run appends");
        assertTrue(resumed.contains("=== step 30, "), resumed);
        String resumedHtml = Files.readString(run.resolve(SampleGallery.HTML_FILE), StandardCharsets.UTF_8);
        assertEquals(3, Pattern.compile("<section>").matcher(resumedHtml).results().count(), resumedHtml);
        assertEquals(1, Pattern.compile("<!DOCTYPE html>").matcher(resumedHtml).results().count(), resumedHtml);
    }

    @Test
    void noKeepSamplesOnlyPrintsThem() {
        Path run = temp.resolve("quiet");
        String out = Cli.trainTiny(Cli.sonnets(), run, "--max-steps", "10", "--sample-every", "10", "--no-keep-samples").ok().out();
        assertTrue(out.contains("--- sample at step 10 ---"), out);
        assertFalse(Files.exists(run.resolve(SampleGallery.TEXT_FILE)));
        assertFalse(Files.exists(run.resolve(SampleGallery.HTML_FILE)));
    }

    @Test
    void theHtmlEscapesTheSampleAndSaysWhenNoValidationRanYet() throws IOException {
        SampleGallery gallery = new SampleGallery(temp);
        gallery.add(5, null, 0, "if (a < b && c > d) { s = \"x\"; }\n");
        gallery.add(10, new Evaluation(1.23456, 0.5, 100), 8, "<script>alert('hi')</script>");
        String html = Files.readString(temp.resolve(SampleGallery.HTML_FILE), StandardCharsets.UTF_8);
        assertTrue(html.contains("<pre>if (a &lt; b &amp;&amp; c &gt; d) { s = &quot;x&quot;; }</pre>"), html);
        assertTrue(html.contains("&lt;script&gt;alert(&#39;hi&#39;)&lt;/script&gt;"), html);
        assertFalse(html.contains("<script>"), html);
        Matcher heading = Pattern.compile("<h2>step 10 <span>(.*?)</span></h2>").matcher(html);
        assertTrue(heading.find(), html);
        assertEquals("validation loss 1.2346 at step 8", heading.group(1));
        String text = Files.readString(temp.resolve(SampleGallery.TEXT_FILE), StandardCharsets.UTF_8);
        assertEquals("=== step 5, no validation yet ===\nif (a < b && c > d) { s = \"x\"; }\n\n"
                + "=== step 10, validation loss 1.2346 at step 8 ===\n<script>alert('hi')</script>\n\n", text);
    }
}
