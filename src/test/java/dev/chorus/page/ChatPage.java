package dev.chorus.page;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The chat page as a test sees it: what it shows, what a user types, and bounded waits whose failures show
 * what the page showed instead. Texts are read as {@code textContent}, exactly as the page set them.
 */
public final class ChatPage {

    /** The longest any test waits for the page to show something. */
    static final Duration WAIT = Duration.ofSeconds(10);

    /** The tutorial's join line, which the page shows as it is when the server does not speak chorus.v1. */
    static final String GREETING = "Hey all, a new client has joined us";

    private static final Duration POLL = Duration.ofMillis(50);
    private static final String LINES =
            "return Array.from(document.querySelectorAll('#log .line .body'), e => e.textContent)";
    private static final String OWN_LINES =
            "return Array.from(document.querySelectorAll('#log .line.own .body'), e => e.textContent)";
    // What a screen reader reads of each tag: its text outside aria-hidden parts.
    private static final String OWN_TAGS_READ =
            """
            return Array.from(document.querySelectorAll('#log .line.own .mine'), tag =>
                Array.from(tag.children).filter(c => c.getAttribute('aria-hidden') !== 'true')
                    .map(c => c.textContent).join(''))
            """;
    private static final String OWN_TAGS_SEEN =
            """
            return Array.from(document.querySelectorAll('#log .line.own .mine [aria-hidden=true]'),
                e => e.offsetWidth > 0 ? e.textContent : '')
            """;
    private static final String MEMBERS =
            "return Array.from(document.querySelectorAll('#members li'), e => e.textContent)";
    // Every text the status bar takes, in order, as "STATE | RETRY": the waits alone could miss a state that
    // lasts one second.
    private static final String RECORD_STATUS =
            """
            const state = document.getElementById('state');
            const retry = document.getElementById('retry');
            const seen = window.chorusStatusSeen = [];
            const note = () => seen.push(state.textContent + ' | ' + retry.textContent);
            new MutationObserver(note).observe(document.getElementById('connection'),
                {subtree: true, childList: true, characterData: true, attributes: true});
            """;

    // The page's own scroll listener was added first, so it has run when this one answers.
    private static final String SCROLL_TO_TOP =
            """
            const done = arguments[arguments.length - 1];
            const scroller = document.getElementById('scroller');
            if (scroller.scrollTop === 0) { done(); return; }
            scroller.addEventListener('scroll', () => done(), {once: true});
            scroller.scrollTop = 0;
            """;

    private final WebDriver driver;
    private final JavascriptExecutor script;

    ChatPage(WebDriver driver) {
        this.driver = driver;
        this.script = (JavascriptExecutor) driver;
    }

    WebElement input() {
        return driver.findElement(By.id("text"));
    }

    WebElement sendButton() {
        return driver.findElement(By.cssSelector("#send button[type=submit]"));
    }

    WebElement newMessagesButton() {
        return driver.findElement(By.id("latest"));
    }

    /** The element that has the keyboard focus. */
    WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /** Types {@code text} into the message box and presses Enter. */
    public void say(String text) {
        input().sendKeys(text, Keys.ENTER);
    }

    String state() {
        return text("state");
    }

    String retry() {
        return text("retry");
    }

    /** Under chorus.v1, the line for this page's own join. */
    public static String youJoined(int id) {
        return "You joined as Client(" + id + ")";
    }

    /** Under chorus.v1, the line for another client's join. */
    static String joined(int id) {
        return "Client(" + id + ") joined";
    }

    /** Under chorus.v1, the line for another client's leave. */
    static String left(int id) {
        return "Client(" + id + ") left";
    }

    /** The page's own id as it shows it ("You are Client(N)"), or "" when it knows none. */
    String me() {
        return text("me");
    }

    /** The members the page shows, in join order, as {@code Client(N)}. */
    List<String> members() {
        return strings(script.executeScript(MEMBERS));
    }

    /** Waits until the page shows itself as {@code Client(id)} among exactly {@code expected} members. */
    public void awaitPresence(int id, List<String> expected) {
        String you = "You are Client(" + id + ")";
        await(
                () -> you.equals(me()) && expected.equals(members()),
                () -> "'" + you + "' with members " + expected + "; it shows '" + me() + "' with " + members());
    }

    /** Waits until the page shows its own id ("You are Client(N)") and returns it. */
    public int awaitOwnId() {
        await(() -> me().matches("You are Client\\(\\d+\\)"), () -> "its own id; it shows '" + me() + "'");
        return Integer.parseInt(me().replaceAll("\\D", ""));
    }

    /** Waits until the page shows itself as {@code name} ("You are NAME"). */
    void awaitMe(String name) {
        String you = "You are " + name;
        await(() -> you.equals(me()), () -> "'" + you + "'; it shows '" + me() + "'");
    }

    /** The room the bar shows, e.g. "Room: lobby". */
    String room() {
        return text("room");
    }

    /** The name question and "Change name". */
    NameQuestion nameQuestion() {
        return new NameQuestion(driver);
    }

    /** The lines marked as the reader's own, oldest first. */
    List<String> ownLines() {
        return strings(script.executeScript(OWN_LINES));
    }

    /** What a screen reader reads of the tag on each of the reader's own lines. */
    List<String> ownTagsRead() {
        return strings(script.executeScript(OWN_TAGS_READ));
    }

    /** What the eye sees of the tag on each of the reader's own lines ("" where it is not drawn). */
    List<String> ownTagsSeen() {
        return strings(script.executeScript(OWN_TAGS_SEEN));
    }

    /** Whether the presence row (id and members) is shown at all. */
    boolean presenceShown() {
        return (Boolean) script.executeScript("return !document.getElementById('presence').hidden");
    }

    String title() {
        return driver.getTitle();
    }

    /** Every line in the message log, oldest first. */
    List<String> lines() {
        return strings(script.executeScript(LINES));
    }

    public void awaitState(String expected) {
        await(() -> expected.equals(state()), () -> "state '" + expected + "'; it shows '" + state() + "'");
    }

    /** Waits until the log holds exactly {@code expected}, in order. */
    void awaitLines(List<String> expected) {
        await(() -> expected.equals(lines()), () -> "lines " + expected + "; the log holds " + lines());
    }

    /** Waits until the log's lines satisfy {@code test}, described as {@code what}. */
    public void awaitLines(String what, Predicate<List<String>> test) {
        await(() -> test.test(lines()), () -> what + "; the log holds " + lines());
    }

    /** From now on, remembers every text the status bar shows (see {@link #statusSeen()}). */
    void recordStatus() {
        script.executeScript(RECORD_STATUS);
    }

    /** What the status bar has shown since {@link #recordStatus()}, as {@code "STATE | RETRY"}. */
    List<String> statusSeen() {
        return strings(script.executeScript("return window.chorusStatusSeen"));
    }

    void awaitStatusSeen(Pattern expected) {
        await(
                () -> statusSeen().stream()
                        .anyMatch(seen -> expected.matcher(seen).matches()),
                () -> "status matching '" + expected + "'; it showed " + statusSeen());
    }

    /** What the page's own URL rule gives for a page at {@code href}. */
    String socketUrlFor(String href) {
        return (String) script.executeScript("return window.chorusSocketUrl(new URL(arguments[0]))", href);
    }

    /** The socket URL for the page's own location. */
    public String socketUrl() {
        return (String) script.executeScript("return window.chorusSocketUrl(window.location)");
    }

    /**
     * Scrolls the log to its top as a reader would and returns once the page has handled that scroll event
     * (scroll events fire on the next frame; a message arriving before it would still find the page following).
     */
    void scrollToTop() {
        script.executeAsyncScript(SCROLL_TO_TOP);
    }

    Object run(String javascript, Object... args) {
        return script.executeScript(javascript, args);
    }

    private String text(String id) {
        return (String) script.executeScript("return document.getElementById(arguments[0]).textContent", id);
    }

    /** Waits until {@code condition} holds; a timeout names what was awaited and what was seen instead. */
    void await(Supplier<Boolean> condition, Supplier<String> expectedButSeen) {
        new WebDriverWait(driver, WAIT)
                .pollingEvery(POLL)
                .withMessage(() -> "waited " + WAIT.toSeconds() + " s for " + expectedButSeen.get())
                .until(d -> condition.get());
    }

    private static List<String> strings(Object result) {
        if (result == null) {
            return List.of();
        }
        return ((List<?>) result).stream().map(String::valueOf).toList();
    }
}
