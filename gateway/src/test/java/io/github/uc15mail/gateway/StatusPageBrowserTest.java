package io.github.uc15mail.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.uc15mail.gateway.QueueView.State;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The status page in a real browser (Debian's Chromium, headless, over the DevTools protocol): it renders
 * on a phone-sized screen, and the Retry button posts the form with its token and comes back to the page.
 * Skipped only where no Chromium is installed ({@code apt-get install chromium}).
 */
class StatusPageBrowserTest {

    @TempDir
    Path profile;

    @Test
    void retryButtonWorksInChromiumOnAPhoneSizedScreen() throws Exception {
        Path chromium = HeadlessChromium.binary();
        assumeTrue(chromium != null, "no Chromium on PATH (apt-get install chromium)");
        FakeQueue queue = new FakeQueue();
        queue.put("m1", State.SENT, "backup-2026-11-30-raspberrypi.plant.example.com.tar.gz", null);
        queue.put("m2", State.FAILED, "Pump 3 <alarm>", "677 authentication failed (SMTP 535)");
        List<ModemHealth> modems = List.of(new ModemHealth("/dev/ttyUSB2", "ready", true, 21, true, null));
        try (StatusServer server = StatusServer.start(new InetSocketAddress("127.0.0.1", 0), Set.of(), true, queue,
                () -> modems, new GatewayMetrics(queue, () -> modems));
                HeadlessChromium browser = new HeadlessChromium(chromium, profile)) {
            browser.call("Emulation.setDeviceMetricsOverride",
                    "{\"width\":390,\"height\":844,\"deviceScaleFactor\":1,\"mobile\":true}");
            browser.call("Page.navigate", "{\"url\":" + HeadlessChromium.json(server.uri().toString()) + "}");
            browser.await("document.readyState === 'complete' && document.querySelector('#messages') !== null");
            assertEquals("1", browser.eval("document.querySelector('#counts b[data-state=FAILED]').textContent"));
            assertEquals("Pump 3 <alarm>", browser.eval(
                    "document.querySelector('tr[data-id=\"m2\"] td:nth-child(4)').textContent"));
            assertEquals("0", browser.eval("String(document.querySelectorAll('script').length)"));
            screenshot(browser, "status-page-phone.png");
            assertEquals("true", browser.eval("String(document.documentElement.scrollWidth <= 390)"),
                    "no sideways scrolling on a phone");

            browser.eval("document.querySelector('tr[data-id=\"m2\"] button[value=\"retry\"]').click(); 'clicked'");
            browser.await("location.search === '?notice=retried' && document.readyState === 'complete'");
            assertEquals(List.of("retry m2"), queue.actions);
            assertEquals("The message is queued again.", browser.eval("document.querySelector('#notice').textContent"));
            assertEquals("QUEUED", browser.eval("document.querySelector('tr[data-id=\"m2\"] td:nth-child(2)').textContent"));
        }
    }

    private static void screenshot(HeadlessChromium browser, String name) throws Exception {
        String reply = browser.call("Page.captureScreenshot", "{\"format\":\"png\"}");
        Matcher m = Pattern.compile("\"data\":\"([^\"]+)\"").matcher(reply);
        assertTrue(m.find(), "a screenshot came back");
        Path out = Path.of("target", name);
        Files.createDirectories(out.getParent());
        Files.write(out, Base64.getDecoder().decode(m.group(1)));
    }
}
