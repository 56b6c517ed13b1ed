package org.safepassage.letters.web;

import java.time.LocalDate;
import java.util.List;

import org.safepassage.letters.campaign.CampaignRepository;
import org.safepassage.letters.campaign.CampaignState;
import org.safepassage.letters.campaign.LetterCampaign;
import org.safepassage.shared.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Open data for letter campaigns and their parliamentary record, in docs/api.md. */
@RestController
@RequestMapping("/api/letters/campaigns")
class LettersApiController {

	private final CampaignRepository campaigns;

	private final CampaignViews views;

	LettersApiController(CampaignRepository campaigns, CampaignViews views) {
		this.campaigns = campaigns;
		this.views = views;
	}

	record CampaignSummaryJson(long id, String title, String state) {
	}

	record BodyJson(String code, String name, long lettersSent, long replyAnswers, long replies,
			Integer replyRatePercent) {
	}

	record LinkJson(long id, String title, String path) {
	}

	record RecordEntryJson(long id, LocalDate date, String kind, String body, String member, String link,
			String summary) {
	}

	record CampaignJson(long id, String title, String state, String subject, List<BodyJson> bodies,
			List<LinkJson> petitions, List<LinkJson> alerts, List<LinkJson> incidents, List<RecordEntryJson> record) {
	}

	@GetMapping
	List<CampaignSummaryJson> campaigns() {
		return campaigns.inStates(CampaignState.OPEN, CampaignState.CLOSED)
			.stream()
			.map(c -> new CampaignSummaryJson(c.id(), c.content().title(), c.state().name()))
			.toList();
	}

	@GetMapping("/{id}")
	CampaignJson campaign(@PathVariable long id) {
		CampaignView v = views.view(find(id), false);
		List<BodyJson> bodies = v.counts()
			.stream()
			.map(c -> new BodyJson(c.bodyCode(), c.bodyName(), c.sent(), c.answered(), c.replied(),
					c.replyRatePercent()))
			.toList();
		return new CampaignJson(v.id(), v.title(), v.state(), v.subject(), bodies, links(v.petitions()),
				links(v.alerts()), links(v.incidents()), record(v));
	}

	@GetMapping("/{id}/record")
	List<RecordEntryJson> record(@PathVariable long id) {
		return record(views.view(find(id), false));
	}

	private static List<RecordEntryJson> record(CampaignView v) {
		return v.record()
			.stream()
			.map(e -> new RecordEntryJson(e.id(), e.day(), e.kind().name(), e.body(), e.member(), e.link(),
					e.summary()))
			.toList();
	}

	private static List<LinkJson> links(List<CampaignView.Linked> linked) {
		return linked.stream().map(l -> new LinkJson(l.id(), l.title(), l.path())).toList();
	}

	private LetterCampaign find(long id) {
		return views.publicCampaign(id).orElseThrow(() -> new NotFoundException("No letter campaign " + id));
	}

}
