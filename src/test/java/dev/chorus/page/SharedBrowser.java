package dev.chorus.page;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One desktop-sized browser for a whole test class, started before its tests and closed after:
 * {@code @RegisterExtension static final SharedBrowser BROWSER = new SharedBrowser();}
 */
final class SharedBrowser implements BeforeAllCallback, AfterAllCallback {

    private Browser browser;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        browser = Browser.start(Browser.DESKTOP);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        browser.close();
    }

    Browser get() {
        return browser;
    }
}
