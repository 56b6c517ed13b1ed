package org.safepassage.letters.web;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.safepassage.letters.campaign.CampaignContent;
import org.safepassage.letters.writing.NoMarkup;
import org.safepassage.letters.writing.WriteForm;
import org.safepassage.shared.validation.PlainText;

/**
 * The staff form for a letter campaign. Bodies and links are ticked from lists; the
 * controller checks each ticked value exists.
 */
record CampaignForm(@NotBlank @Size(max = 150) @PlainText String title,
		@NotEmpty(message = "{letters.bodies.required}") @Size(max = 20) List<@Size(max = 40) @PlainText String> bodies,
		@NotBlank @Size(max = 200) @PlainText String subject,
		@NotBlank @Size(max = WriteForm.MAX_LETTER) @PlainText(multiline = true) @NoMarkup String suggestedLetter,
		@Size(max = 3000) @PlainText(multiline = true) String guidance, @Size(max = 50) List<Long> petitionIds,
		@Size(max = 50) List<Long> alertIds, @Size(max = 50) List<Long> incidentIds) {

	CampaignForm {
		bodies = bodies == null ? List.of() : bodies;
		petitionIds = petitionIds == null ? List.of() : petitionIds;
		alertIds = alertIds == null ? List.of() : alertIds;
		incidentIds = incidentIds == null ? List.of() : incidentIds;
	}

	static CampaignForm empty() {
		return new CampaignForm("", List.of(), "", "", "", List.of(), List.of(), List.of());
	}

	static CampaignForm of(CampaignContent c) {
		return new CampaignForm(c.title(), c.bodies(), c.subject(), c.suggestedLetter(), c.guidance(), c.petitionIds(),
				c.alertIds(), c.incidentIds());
	}

	CampaignContent toContent() {
		return new CampaignContent(title.strip(), bodies.stream().distinct().toList(), subject.strip(),
				suggestedLetter.strip(), guidance == null ? "" : guidance.strip(),
				petitionIds.stream().distinct().toList(), alertIds.stream().distinct().toList(),
				incidentIds.stream().distinct().toList());
	}

}
