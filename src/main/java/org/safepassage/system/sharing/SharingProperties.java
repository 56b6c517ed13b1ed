package org.safepassage.system.sharing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sharing.
 *
 * @param cardImages how many drawn card images are kept in memory (each about 40 KB)
 * @param cardFont the classpath resource of the font card images are drawn with (a
 * TrueType font or collection, whose first font is used); it must cover Latin, Hangul and
 * Chinese characters, as the one the delivery pack prints with does
 */
@ConfigurationProperties("safepassage.sharing")
public record SharingProperties(@DefaultValue("500") int cardImages,
		@DefaultValue("/fonts/wqy-microhei.ttc") String cardFont) {

}
