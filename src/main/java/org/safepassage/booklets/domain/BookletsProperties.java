package org.safepassage.booklets.domain;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.util.unit.DataSize;

/**
 * The booklets module's settings.
 *
 * @param languages the languages a booklet may be printed in (BCP 47 tags), in the order
 * the staff's form offers them
 * @param countries the countries a new booklet is posted to unless staff choose others
 * (ISO 3166-1 alpha-2)
 * @param confirmationTtl how long an order's confirmation link works; an order not
 * confirmed by then is deleted
 * @param duplicateWindow a second order of one booklet from one mailbox within this time
 * of a confirmed one is refused
 * @param keepDetailsFor how long after dispatch (or cancellation) the person's name,
 * address and email are kept; then they are removed and only the counts stay
 * @param retentionInterval how often expired orders are deleted and old details removed
 * @param cover limits on uploaded covers
 * @param limits per-address limits on ordering
 */
@ConfigurationProperties("safepassage.booklets")
public record BookletsProperties(@DefaultValue( {
		"en", "ko", "zh-Hans", "zh-Hant" }) List<String> languages,
		@DefaultValue({ "GB", "IE", "US", "CA", "AU", "NZ", "KR", "JP", "TW", "HK", "SG", "DE", "FR",
				"NL" }) List<String> countries,
		@DefaultValue("7d") Duration confirmationTtl, @DefaultValue("90d") Duration duplicateWindow,
		@DefaultValue("90d") Duration keepDetailsFor, @DefaultValue("1d") Duration retentionInterval,
		@DefaultValue Cover cover, @DefaultValue Limits limits){

	public BookletsProperties {
		languages = List.copyOf(languages);
		countries = List.copyOf(countries);
	}

	/**
	 * An uploaded cover is at most {@code maxUpload} and {@code maxPixels} pixels
	 * (checked from its header before decoding); it is scaled to at most {@code width}
	 * pixels wide.
	 */
	public record Cover(@DefaultValue("5MB") DataSize maxUpload, @DefaultValue("40000000") long maxPixels,
			@DefaultValue("800") int width) {
	}

	/**
	 * Order requests per client address: at most {@code burst} in {@code burstWindow} and
	 * {@code sustained} in {@code sustainedWindow}; a request over a limit is answered as
	 * usual and stores and mails nothing. Shared addresses go on the allow-list as CIDRs.
	 */
	public record Limits(@DefaultValue("true") boolean enabled, @DefaultValue("3") int burst,
			@DefaultValue("60s") Duration burstWindow, @DefaultValue("10") int sustained,
			@DefaultValue("1h") Duration sustainedWindow, @DefaultValue List<String> allowList) {

		public Limits {
			allowList = List.copyOf(allowList);
			allowList.forEach(IpAddressMatcher::new); // fail at start-up on a malformed
														// entry
		}

		public boolean isOver(long inBurstWindow, long inSustainedWindow) {
			return inBurstWindow >= burst || inSustainedWindow >= sustained;
		}

		/** How long an attempt counts: the longer window. */
		public Duration memory() {
			return burstWindow.compareTo(sustainedWindow) > 0 ? burstWindow : sustainedWindow;
		}

	}

}
