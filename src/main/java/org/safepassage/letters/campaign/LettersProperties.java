package org.safepassage.letters.campaign;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The letters module's settings.
 *
 * @param confirmationTtl how long a letter's confirmation link works
 * @param perRepresentativePerHour at most this many letters reach one representative in
 * any hour, spread evenly over it
 * @param releaseInterval how often queued letters are released to the mail outbox
 * @param similarLetters a letter nearly identical to this many others of the campaign is
 * held for staff review
 * @param similarity how alike (0 to 1, shared five-word phrases) two letters must be to
 * count as nearly identical
 * @param askAboutReplyAfter when the constituent is asked whether they got a reply
 * @param keepDetailsFor when the letter's text and the constituent's details are removed
 * (the counts stay)
 * @param followUpInterval how often the reply questions and removals run
 */
@ConfigurationProperties("safepassage.letters")
public record LettersProperties(@DefaultValue("7d") Duration confirmationTtl,
		@DefaultValue("10") int perRepresentativePerHour, @DefaultValue("30s") Duration releaseInterval,
		@DefaultValue("20") int similarLetters, @DefaultValue("0.8") double similarity,
		@DefaultValue("14d") Duration askAboutReplyAfter, @DefaultValue("28d") Duration keepDetailsFor,
		@DefaultValue("10m") Duration followUpInterval) {

	/** The least time between two letters to one representative. */
	public Duration spacing() {
		return Duration.ofHours(1).dividedBy(Math.max(1, perRepresentativePerHour));
	}

}
