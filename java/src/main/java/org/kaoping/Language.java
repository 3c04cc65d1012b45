package org.kaoping;

/**
 * The language of a result's texts (record details, reasons, flags, warnings, award standings).
 * Numbers, codes and statuses are the same in every language; names come from the dataset.
 */
public enum Language {
    /** Chinese: {@code zh-CN}. */
    ZH_CN("zh-CN"),
    /** English: {@code en} (what an engine writes unless made with another language). */
    EN("en");

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    /** The tag passed to {@code kp_engine_with_lang}. */
    public String tag() {
        return tag;
    }
}
