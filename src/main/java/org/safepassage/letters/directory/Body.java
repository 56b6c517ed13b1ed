package org.safepassage.letters.directory;

/** A body representatives sit in: {@code uk-commons}, {@code scottish-parliament} ... */
public record Body(String code, String name) {
}
