package org.safepassage.petitions.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.safepassage.petitions.PetitionEvents.PetitionClosed;
import org.safepassage.petitions.PetitionEvents.PetitionOpened;
import org.safepassage.petitions.PetitionState;
import org.safepassage.shared.RuleViolation;

class PetitionTest {

	static final Instant NOW = Instant.parse("2026-01-10T12:00:00Z");

	static final Delivery DELIVERY = new Delivery(LocalDate.parse("2026-01-10"), "The duty officer",
			"Embassy of the People's Republic of China, London", Delivery.Method.IN_PERSON, "Handed in at the embassy");

	static PetitionContent content(Instant closingAt) {
		return new PetitionContent("Stop forced returns", "Background", List.of("Grant refugee status"), "Embassy",
				50_000, closingAt);
	}

	static Petition saved(PetitionState state, Instant closingAt) {
		return new Petition(7L, content(closingAt), state, null, null, null, "staff", NOW, null, null, null, null, null,
				null, 0);
	}

	@Test
	void followsTheLifecycleFromDraftToDelivered() {
		Petition petition = saved(PetitionState.DRAFT, null);
		petition.submit(NOW);
		petition.open(NOW);
		assertThat(petition.acceptsSignatures(NOW)).isTrue();
		petition.close(NOW.plusSeconds(60));
		assertThat(petition.acceptsSignatures(NOW.plusSeconds(61))).isFalse();
		petition.deliver(DELIVERY, NOW.plusSeconds(120));
		assertThat(petition.state()).isEqualTo(PetitionState.DELIVERED);
		assertThat(petition.deliveryNote()).isEqualTo("Handed in at the embassy");
		assertThat(petition.releaseEvents()).hasSize(3).first().isInstanceOf(PetitionOpened.class);
	}

	@Test
	void onlyAnOpenPetitionPausesAndAPausedOneResumesOnce() {
		Petition open = saved(PetitionState.OPEN, null);
		open.pause(NOW);
		assertThat(open.isPaused()).isTrue();
		assertThat(open.acceptsSignatures(NOW)).isFalse();
		assertThatThrownBy(() -> open.pause(NOW)).isInstanceOf(RuleViolation.class);
		open.resume();
		assertThat(open.acceptsSignatures(NOW)).isTrue();
		assertThatThrownBy(open::resume).isInstanceOf(RuleViolation.class);
		assertThatThrownBy(() -> saved(PetitionState.CLOSED, null).pause(NOW)).isInstanceOf(RuleViolation.class);
		open.pause(NOW);
		open.close(NOW);
		assertThat(open.isPaused()).as("closing ends a pause").isFalse();
	}

	@Test
	void aDraftCannotBeOpenedClosedOrDelivered() {
		Petition petition = saved(PetitionState.DRAFT, null);
		assertThatThrownBy(() -> petition.open(NOW)).isInstanceOf(RuleViolation.class);
		assertThatThrownBy(() -> petition.close(NOW)).isInstanceOf(RuleViolation.class);
		assertThatThrownBy(() -> petition.deliver(null, NOW)).isInstanceOf(RuleViolation.class);
		assertThat(petition.state()).isEqualTo(PetitionState.DRAFT);
	}

	@Test
	void onlyAClosedPetitionIsDeliveredAndOnlyWithWhoAndHow() {
		Petition closed = saved(PetitionState.CLOSED, null);
		assertThatThrownBy(() -> closed.deliver(null, NOW)).isInstanceOf(RuleViolation.class);
		assertThatThrownBy(() -> closed.deliver(new Delivery(null, "x", "y", Delivery.Method.POST, null), NOW))
			.isInstanceOf(RuleViolation.class);
		assertThat(closed.state()).isEqualTo(PetitionState.CLOSED);
		closed.deliver(DELIVERY, NOW);
		assertThatThrownBy(() -> closed.deliver(DELIVERY, NOW)).isInstanceOf(RuleViolation.class)
			.hasMessageContaining("deliverOnlyClosed");
		closed.requireAcceptsResponses();
		assertThatThrownBy(() -> saved(PetitionState.DRAFT, null).requireAcceptsResponses())
			.isInstanceOf(RuleViolation.class);
	}

	@Test
	void anOpenPetitionCannotBeEditedOrDeliveredBeforeClosing() {
		Petition petition = saved(PetitionState.OPEN, null);
		assertThatThrownBy(() -> petition.revise(content(null))).isInstanceOf(RuleViolation.class);
		assertThatThrownBy(() -> petition.deliver(null, NOW)).isInstanceOf(RuleViolation.class);
	}

	@Test
	void rejectionNeedsAReasonAndARevisionReturnsItToDraft() {
		Petition petition = saved(PetitionState.SUBMITTED, null);
		assertThatThrownBy(() -> petition.reject(" ", NOW)).isInstanceOf(RuleViolation.class);
		petition.reject("Please name a specific target", NOW);
		assertThat(petition.state()).isEqualTo(PetitionState.REJECTED);
		assertThat(petition.rejectionReason()).isEqualTo("Please name a specific target");
		petition.revise(content(null));
		assertThat(petition.state()).isEqualTo(PetitionState.DRAFT);
	}

	@Test
	void stopsTakingSignaturesAtItsClosingDateEvenBeforeTheJobClosesIt() {
		Instant closing = NOW.plus(Duration.ofDays(1));
		Petition petition = saved(PetitionState.OPEN, closing);
		assertThat(petition.acceptsSignatures(closing.minusMillis(1))).isTrue();
		assertThat(petition.acceptsSignatures(closing)).isFalse();
		assertThat(petition.isPastClosingDate(closing)).isTrue();
	}

	@Test
	void cannotOpenWhenTheClosingDateHasPassed() {
		Petition petition = saved(PetitionState.SUBMITTED, NOW.minusSeconds(1));
		assertThatThrownBy(() -> petition.open(NOW)).isInstanceOf(RuleViolation.class)
			.extracting("messageKey")
			.isEqualTo("petition.rule.closingDateInPast");
	}

	@Test
	void hidingNeedsAReasonAndIsNotForDrafts() {
		assertThatThrownBy(() -> saved(PetitionState.DRAFT, null).hide("spam", NOW)).isInstanceOf(RuleViolation.class);
		Petition open = saved(PetitionState.OPEN, null);
		assertThatThrownBy(() -> open.hide("", NOW)).isInstanceOf(RuleViolation.class);
		open.hide("Abusive comments in the title", NOW);
		assertThat(open.state()).isEqualTo(PetitionState.HIDDEN);
		assertThat(open.hiddenAt()).isEqualTo(NOW);
		assertThat(open.state().isPublic()).isFalse();
		assertThat(open.releaseEvents()).noneMatch(PetitionClosed.class::isInstance);
	}

}
