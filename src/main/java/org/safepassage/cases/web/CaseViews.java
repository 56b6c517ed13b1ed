package org.safepassage.cases.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.safepassage.alerts.AlertDirectory;
import org.safepassage.cases.domain.AgeBand;
import org.safepassage.cases.domain.CaseContent;
import org.safepassage.cases.domain.Gender;
import org.safepassage.cases.domain.Situation;
import org.safepassage.evidence.IncidentDirectory;
import org.safepassage.letters.LetterCampaignDirectory;
import org.safepassage.petitions.PetitionDirectory;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

/**
 * The pages a case links to, by title, from the other modules' directories; the public
 * sees only links to pages that are public themselves.
 */
@Component
class CaseViews {

	private final PetitionDirectory petitions;

	private final IncidentDirectory incidents;

	private final AlertDirectory alerts;

	private final LetterCampaignDirectory campaigns;

	CaseViews(PetitionDirectory petitions, IncidentDirectory incidents, AlertDirectory alerts,
			LetterCampaignDirectory campaigns) {
		this.petitions = petitions;
		this.incidents = incidents;
		this.alerts = alerts;
		this.campaigns = campaigns;
	}

	/**
	 * A linked page: its kind (a message key suffix), title and path; {@code lang} is the
	 * title's language when it is shown untranslated.
	 */
	record Linked(String kind, String title, String path, String lang) {
	}

	/** The linked pages by their titles as written (staff pages). */
	List<Linked> links(CaseContent.Links links, boolean publicOnly) {
		return links(links, publicOnly, null);
	}

	/** The linked pages by their titles in the reader's language where translated. */
	List<Linked> links(CaseContent.Links links, boolean publicOnly, Locale reader) {
		List<Linked> found = new ArrayList<>();
		links.petitionIds()
			.forEach(id -> add(found,
					this.petitions.find(id, reader)
						.filter(p -> !publicOnly || p.publicState())
						.map(p -> new Linked("petition", p.title(), "/petitions/" + p.id(), p.lang()))));
		links.incidentIds()
			.forEach(id -> add(found,
					this.incidents.find(id, reader)
						.filter(i -> !publicOnly || i.published())
						.map(i -> new Linked("incident", i.title(), "/evidence/incidents/" + i.id(), i.lang()))));
		links.alertIds()
			.forEach(id -> add(found,
					this.alerts.find(id, reader)
						.filter(a -> !publicOnly || a.published())
						.map(a -> new Linked("alert", a.title(), "/alerts/" + a.id(), a.lang()))));
		links.letterCampaignIds()
			.forEach(id -> add(found,
					this.campaigns.find(id, reader)
						.filter(c -> !publicOnly || c.published())
						.map(c -> new Linked("letterCampaign", c.title(), "/letters/" + c.id(), c.lang()))));
		return found;
	}

	/**
	 * Which linked pages the public may see, for one response: each page is looked up
	 * once however many cases of the page link to it.
	 */
	PublicLinks publicLinks() {
		return new PublicLinks(this.petitions, this.incidents, this.alerts, this.campaigns);
	}

	private static void add(List<Linked> found, Optional<Linked> linked) {
		linked.ifPresent(found::add);
	}

	/** The choices of the case form. */
	void options(Model model) {
		model.addAttribute("petitionOptions", this.petitions.all());
		model.addAttribute("incidentOptions", this.incidents.all());
		model.addAttribute("alertOptions", this.alerts.all());
		model.addAttribute("campaignOptions", this.campaigns.all());
		model.addAttribute("situations", Situation.values());
		model.addAttribute("ageBands", AgeBand.values());
		model.addAttribute("genders", Gender.values());
	}

	/** Links to pages that do not exist are refused on their field. */
	void check(CaseForm form, BindingResult errors) {
		if (CaseForm.ids(form.petitionIds()).stream().anyMatch(id -> this.petitions.find(id).isEmpty())) {
			errors.rejectValue("petitionIds", "cases.links.unknown");
		}
		if (CaseForm.ids(form.incidentIds()).stream().anyMatch(id -> this.incidents.find(id).isEmpty())) {
			errors.rejectValue("incidentIds", "cases.links.unknown");
		}
		if (CaseForm.ids(form.alertIds()).stream().anyMatch(id -> this.alerts.find(id).isEmpty())) {
			errors.rejectValue("alertIds", "cases.links.unknown");
		}
		if (CaseForm.ids(form.letterCampaignIds()).stream().anyMatch(id -> this.campaigns.find(id).isEmpty())) {
			errors.rejectValue("letterCampaignIds", "cases.links.unknown");
		}
	}

}
