package dev.chorus.page;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** The page's question for a display name (a form above the message box), as a user answers it. */
final class NameQuestion {

    private final WebDriver driver;
    private final JavascriptExecutor script;

    NameQuestion(WebDriver driver) {
        this.driver = driver;
        this.script = (JavascriptExecutor) driver;
    }

    /** Whether the page is asking. */
    boolean shown() {
        return (Boolean) script.executeScript("return !document.getElementById('naming').hidden");
    }

    WebElement input() {
        return driver.findElement(By.id("name"));
    }

    /** The text of the box's label. */
    String label() {
        return driver.findElement(By.cssSelector("label[for=name]")).getText();
    }

    /** Answers with {@code name}, submitted with Enter. */
    void answer(String name) {
        WebElement box = input();
        box.clear();
        box.sendKeys(name, Keys.ENTER);
    }

    /** Answers "Not now". */
    void skip() {
        driver.findElement(By.id("name-skip")).click();
    }

    /** Asks again through "Change name". */
    void reopen() {
        driver.findElement(By.id("rename")).click();
    }

    /** Why the name typed was refused, or "". */
    String error() {
        return (String) script.executeScript("return document.getElementById('name-error').textContent");
    }

    /** Whether the box is marked invalid for assistive technology. */
    boolean invalid() {
        return "true".equals(input().getDomAttribute("aria-invalid"));
    }

    /** The display name the page keeps in the browser, or null. */
    String stored() {
        return (String) script.executeScript("return window.localStorage.getItem('chorus.name')");
    }
}
