package org.safepassage.evidence.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.safepassage.evidence.domain.Estimate;
import org.safepassage.evidence.store.EstimateRepository;
import org.safepassage.evidence.store.EvidenceCatalogue;
import org.safepassage.petitions.PetitionEvidence;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * "The evidence" on a petition page: its published incidents, newest first, then its
 * published estimates.
 */
@Component
class EvidenceForPetitions implements PetitionEvidence {

	private final EvidenceCatalogue catalogue;

	private final EstimateRepository estimates;

	private final EvidenceViews views;

	private final MessageSource messages;

	EvidenceForPetitions(EvidenceCatalogue catalogue, EstimateRepository estimates, EvidenceViews views,
			MessageSource messages) {
		this.catalogue = catalogue;
		this.estimates = estimates;
		this.views = views;
		this.messages = messages;
	}

	@Override
	public List<EvidenceItem> forPetition(long petitionId, Locale locale) {
		List<EvidenceItem> items = new ArrayList<>();
		for (EvidenceCatalogue.Listed listed : catalogue.publishedForPetition(petitionId)) {
			// Title and summary in the reader's language where researchers translated
			// them.
			EvidenceViews.IncidentView view = views.incident(listed, locale);
			items.add(new EvidenceItem(view.title(), listed.content().date().text(locale),
					listed.figure().text(messages, locale), view.summary(), "/evidence/incidents/" + listed.id(),
					view.local().lang("title"), view.local().lang("summary")));
		}
		for (Estimate estimate : estimates.publishedForPetition(petitionId)) {
			// The statement in the reader's language where researchers translated it,
			// else the original marked with its language.
			EvidenceViews.EstimateView view = views.estimate(estimate, locale);
			items.add(new EvidenceItem(view.statement(), view.period(),
					messages.getMessage("evidence.estimate.figure", new Object[] { view.figure(), view.organisation() },
							locale),
					messages.getMessage("evidence.estimate.notAnEvent", null, locale),
					"/evidence#estimate-" + view.id(), view.local().lang("statement"), null));
		}
		return items;
	}

}
