package org.safepassage.letters.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.safepassage.alerts.AlertDirectory;
import org.safepassage.evidence.IncidentDirectory;
import org.safepassage.letters.campaign.CampaignContent;
import org.safepassage.letters.campaign.CampaignRepository;
import org.safepassage.letters.campaign.LetterCampaign;
import org.safepassage.letters.directory.Body;
import org.safepassage.letters.directory.Directory;
import org.safepassage.letters.record.ParliamentaryRecord;
import org.safepassage.letters.sending.LetterCounts;
import org.safepassage.petitions.PetitionDirectory;
import org.safepassage.system.translations.ContentTranslations;
import org.springframework.stereotype.Component;

/**
 * Builds what the campaign pages and the JSON API show, reading linked petitions, alerts
 * and incidents through their modules' directories; links to unpublished ones are left
 * out of public views.
 */
@Component
class CampaignViews {

	private final CampaignRepository campaigns;

	private final Directory directory;

	private final LetterCounts counts;

	private final ParliamentaryRecord record;

	private final PetitionDirectory petitions;

	private final AlertDirectory alerts;

	private final IncidentDirectory incidents;

	private final ContentTranslations translations;

	CampaignViews(CampaignRepository campaigns, Directory directory, LetterCounts counts, ParliamentaryRecord record,
			PetitionDirectory petitions, AlertDirectory alerts, IncidentDirectory incidents,
			ContentTranslations translations) {
		this.translations = translations;
		this.campaigns = campaigns;
		this.directory = directory;
		this.counts = counts;
		this.record = record;
		this.petitions = petitions;
		this.alerts = alerts;
		this.incidents = incidents;
	}

	/** An open or closed campaign; drafts are not public. */
	Optional<LetterCampaign> publicCampaign(long id) {
		return campaigns.find(id).filter(LetterCampaign::isPublic);
	}

	/**
	 * The campaign as written (staff pages, the JSON API); the letter itself goes to a
	 * representative in the original language and is never translated.
	 */
	CampaignView view(LetterCampaign campaign, boolean staff) {
		return view(campaign, staff, null);
	}

	/**
	 * The public campaign with its title and guidance in the reader's language where
	 * translated.
	 */
	CampaignView view(LetterCampaign campaign, Locale reader) {
		return view(campaign, false, reader);
	}

	/**
	 * The reader's language ({@code null} on staff pages: as written) also names the
	 * linked pages, by their titles translated where they are.
	 */
	private CampaignView view(LetterCampaign campaign, boolean staff, Locale reader) {
		ContentTranslations.Localized local = translations.localize(CampaignContent.TRANSLATION_KIND, campaign.id(),
				reader);
		var content = campaign.content();
		Map<String, String> bodyNames = directory.bodies()
			.stream()
			.collect(Collectors.toMap(Body::code, Body::name, (a, b) -> a));
		List<CampaignView.Named> bodies = content.bodies()
			.stream()
			.map(code -> new CampaignView.Named(code, bodyNames.getOrDefault(code, code)))
			.toList();
		List<CampaignView.Linked> linkedPetitions = linked(content.petitionIds(),
				id -> petitions.find(id, reader)
					.filter(p -> staff || p.publicState())
					.map(p -> new CampaignView.Linked(p.id(), p.title(), "/petitions/" + p.id(), p.lang())));
		List<CampaignView.Linked> linkedAlerts = linked(content.alertIds(),
				id -> alerts.find(id, reader)
					.filter(a -> staff || a.published())
					.map(a -> new CampaignView.Linked(a.id(), a.title(), "/alerts/" + a.id(), a.lang())));
		List<CampaignView.Linked> linkedIncidents = linked(content.incidentIds(),
				id -> incidents.find(id, reader)
					.filter(i -> staff || i.published())
					.map(i -> new CampaignView.Linked(i.id(), i.title(), "/evidence/incidents/" + i.id(), i.lang())));
		List<String> guidance = Arrays.stream(local.text("guidance", content.guidance()).split("\\R\\s*\\R"))
			.map(String::strip)
			.filter(p -> !p.isEmpty())
			.toList();
		return new CampaignView(campaign.id(), local.text("title", content.title()), campaign.state().name(),
				content.subject(), content.suggestedLetter(), guidance, bodies, linkedPetitions, linkedAlerts,
				linkedIncidents, counts.of(campaign), record.of(campaign.id()), local);
	}

	private static List<CampaignView.Linked> linked(List<Long> ids,
			Function<Long, Optional<CampaignView.Linked>> find) {
		return ids.stream().map(find).flatMap(Optional::stream).toList();
	}

	List<LetterCampaign> forPetition(long id) {
		return campaigns.forPetition(id);
	}

	List<LetterCampaign> forAlert(long id) {
		return campaigns.forAlert(id);
	}

	/**
	 * The campaigns' titles for a list, in the reader's language where translated (each
	 * with the {@code lang} it needs when shown in the original).
	 */
	List<ListedCampaign> listed(List<LetterCampaign> campaigns, Locale reader) {
		return campaigns.stream().map(c -> {
			ContentTranslations.Localized local = translations.localize(CampaignContent.TRANSLATION_KIND, c.id(),
					reader);
			return new ListedCampaign(c.id(), local.text("title", c.content().title()), local.lang("title"));
		}).toList();
	}

	/** A campaign on the public list. */
	record ListedCampaign(long id, String title, String lang) {
	}

}
