package org.safepassage.system.translations;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Content translations.
 *
 * @param cacheFor how long an instance keeps a record's translations in memory; a save
 * evicts them at once on the instance that saved, other instances see it after this
 * @param cacheSize how many records' translations are kept in memory
 */
@ConfigurationProperties("safepassage.translations")
public record TranslationsProperties(@DefaultValue("30s") Duration cacheFor, @DefaultValue("10000") int cacheSize) {

}
