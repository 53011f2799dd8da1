package dev.chorus.page;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * One headless Debian Chromium with a fresh profile, driven through the system chromedriver. Both binaries are
 * named explicitly, so Selenium Manager never looks for (or downloads) a browser or a driver. Closing it quits
 * the browser, stops the driver and deletes the profile. Public for the page test on a deployed WAR
 * ({@code dev.chorus.containers.PageOnPayaraIT}).
 */
public final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final Dimension DESKTOP = new Dimension(1280, 800);
    static final Dimension PHONE = new Dimension(390, 844);

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriverService service, ChromeDriver driver, Path profile) {
        this.service = service;
        this.driver = driver;
        this.profile = profile;
    }

    /** Starts a browser whose page area is {@code size}. */
    public static Browser start(Dimension size) throws IOException {
        return start(size, List.of());
    }

    /** Starts a browser whose page area is {@code size}, with Chromium {@code flags} besides the usual ones. */
    public static Browser start(Dimension size, List<String> flags) throws IOException {
        Path profile = Files.createTempDirectory("chorus-chromium-");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        try {
            Browser browser = new Browser(service, new ChromeDriver(service, options(profile, flags)), profile);
            browser.resize(size);
            return browser;
        } catch (RuntimeException e) {
            service.stop();
            deleteTree(profile);
            throw e;
        }
    }

    private static ChromeOptions options(Path profile, List<String> flags) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox", // the tests run as root, where Chromium's sandbox refuses to start
                "--disable-gpu",
                "--no-first-run",
                // Nothing but the page under test may talk to the network.
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-quic",
                "--user-data-dir=" + profile,
                "--hide-scrollbars",
                "--force-device-scale-factor=1",
                "--lang=en-US");
        options.addArguments(flags);
        return options;
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Loads {@code uri} and returns the chat page there. */
    public ChatPage open(URI uri) {
        driver.get(uri.toString());
        return new ChatPage(driver);
    }

    /** Leaves the current page, which closes its socket and stops its reconnect timer. */
    void leave() {
        driver.get("about:blank");
    }

    /**
     * Makes the page area (the CSS viewport) exactly {@code size}: the window is resized, then corrected by
     * whatever the window's frame takes.
     */
    void resize(Dimension size) {
        driver.manage().window().setSize(size);
        Dimension viewport = viewport();
        driver.manage()
                .window()
                .setSize(new Dimension(2 * size.width - viewport.width, 2 * size.height - viewport.height));
    }

    Dimension viewport() {
        Object width = driver.executeScript("return window.innerWidth");
        Object height = driver.executeScript("return window.innerHeight");
        return new Dimension(((Number) width).intValue(), ((Number) height).intValue());
    }

    /** Saves a PNG of the page area as {@code target/screenshots/NAME.png} and returns its path. */
    Path screenshot(String name) throws IOException {
        Path directory = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
        Files.createDirectories(directory);
        Path file = directory.resolve(name + ".png");
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        return file;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteTree(profile);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the browser profile " + root, e);
        }
    }
}
