package org.safepassage.system.sharing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sharing.
 *
 * @param cardImages how many drawn card images are kept in memory (each about 40 KB)
 * @param cardFont the classpath resource of the font card images are drawn with; it must
 * cover Latin, Hangul and Chinese characters
 */
@ConfigurationProperties("safepassage.sharing")
public record SharingProperties(@DefaultValue("500") int cardImages, @DefaultValue("/fonts/card.ttf") String cardFont) {

}
