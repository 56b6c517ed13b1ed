package org.safepassage.petitions.web;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.safepassage.petitions.PetitionEvidence;
import org.safepassage.petitions.PetitionState;
import org.safepassage.petitions.charts.SignatureCharts;
import org.safepassage.petitions.delivery.DeliveryPhotos;
import org.safepassage.petitions.delivery.DeliveryRecords;
import org.safepassage.petitions.domain.RecentCopies;
import org.safepassage.petitions.milestones.Milestones;
import org.safepassage.petitions.milestones.Progress;
import org.safepassage.petitions.signing.SignatureBatcher;
import org.safepassage.petitions.signing.SignatureForm;
import org.safepassage.petitions.signing.Signing;
import org.safepassage.shared.Countries;
import org.safepassage.shared.NotFoundException;
import org.safepassage.shared.RuleViolation;
import org.safepassage.system.PublicFormOrigin;
import org.safepassage.system.sharing.ShareCard;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.ModelAndView;

/** The public petition pages: list, read, sign, confirm. All work without JavaScript. */
@Controller
class PetitionPageController {

	private final PetitionCatalogue catalogue;

	private final Signing signing;

	private final ObjectProvider<PetitionEvidence> evidence;

	private final PublicFormOrigin origin;

	private final DeliveryRecords deliveries;

	private final Milestones milestones;

	private final SignatureCharts charts;

	PetitionPageController(PetitionCatalogue catalogue, Signing signing, ObjectProvider<PetitionEvidence> evidence,
			PublicFormOrigin origin, DeliveryRecords deliveries, Milestones milestones, SignatureCharts charts) {
		this.catalogue = catalogue;
		this.signing = signing;
		this.evidence = evidence;
		this.origin = origin;
		this.deliveries = deliveries;
		this.milestones = milestones;
		this.charts = charts;
	}

	/**
	 * Parameters starting with '_' (the CSRF token) would otherwise be taken for checkbox
	 * markers and probed as properties of the form on every signature; the form needs no
	 * markers (an unticked box is null).
	 */
	@InitBinder("form")
	void noFieldMarkers(WebDataBinder binder) {
		binder.setFieldMarkerPrefix(null);
		binder.setFieldDefaultPrefix(null);
	}

	@GetMapping("/")
	String home() {
		return "redirect:/petitions";
	}

	@GetMapping("/petitions")
	String list(@RequestParam(defaultValue = "open") String show, @RequestParam(defaultValue = "0") int page,
			Locale locale, Model model) {
		List<PetitionState> states = switch (show) {
			case "closed" -> List.of(PetitionState.CLOSED, PetitionState.DELIVERED);
			default -> List.of(PetitionState.OPEN);
		};
		model.addAttribute("show", "closed".equals(show) ? "closed" : "open");
		model.addAttribute("result", catalogue.list(states, Math.max(0, Math.min(page, 10_000)), locale));
		return "petitions/list";
	}

	@GetMapping("/petitions/{id}")
	String show(@PathVariable long id, Locale locale, Model model) {
		model.addAttribute("form", SignatureForm.empty());
		return petitionPage(id, locale, model);
	}

	@PostMapping("/petitions/{id}/signatures")
	String sign(@PathVariable long id, @Valid @ModelAttribute("form") SignatureForm form, BindingResult errors,
			Locale locale, Model model, HttpServletRequest request, HttpServletResponse response) {
		boolean fromAnotherSite = origin.sentFromAnotherSite(request);
		if (errors.hasErrors() || fromAnotherSite) {
			if (fromAnotherSite) {
				model.addAttribute("signError", "form.resubmit");
			}
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return petitionPage(id, locale, model);
		}
		try {
			signing.sign(new Signing.Submission(id, form, locale, request.getRemoteAddr()));
		}
		catch (RuleViolation refused) {
			// Blocked: a generic refusal that does not say what matched. Closed or
			// paused:
			// the page says so instead of the form.
			response.setStatus("sign.refused".equals(refused.messageKey()) ? HttpServletResponse.SC_FORBIDDEN
					: HttpServletResponse.SC_CONFLICT);
			model.addAttribute("signError", refused.messageKey());
			return petitionPage(id, locale, model);
		}
		return "redirect:/petitions/" + id + "/check-your-email";
	}

	@GetMapping("/petitions/{id}/check-your-email")
	String checkYourEmail(@PathVariable long id, Locale locale, Model model) {
		model.addAttribute("petition", publicPetition(id, locale));
		return "petitions/check-email";
	}

	/** The live counter: a small fragment htmx polls; cacheable for a second. */
	@GetMapping("/petitions/{id}/counter")
	String counter(@PathVariable long id, Locale locale, Model model, HttpServletResponse response) {
		PetitionView petition = publicPetition(id, locale);
		model.addAttribute("petition", petition);
		model.addAttribute("progress", Progress.of(milestones.recent(id), petition.signatures()));
		response.setHeader("Cache-Control", CacheControl.maxAge(Duration.ofSeconds(1)).getHeaderValue());
		return "petitions/show :: counter";
	}

	/**
	 * The delivery photo, as re-encoded when it was recorded (no metadata). It never
	 * changes, so browsers and proxies may keep it for a day and then revalidate.
	 */
	@GetMapping("/petitions/{id}/delivery/photo")
	ResponseEntity<byte[]> deliveryPhoto(@PathVariable long id, WebRequest request) {
		if (!catalogue.isPublic(id)) {
			throw new NotFoundException("No petition " + id);
		}
		DeliveryPhotos.Photo photo = deliveries.photo(id)
			.orElseThrow(() -> new NotFoundException("No delivery photo for petition " + id));
		if (request.checkNotModified("\"" + photo.etag() + "\"")) {
			return null;
		}
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(photo.contentType()))
			.cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
			.eTag(photo.etag())
			.header("X-Content-Type-Options", "nosniff")
			.body(photo.bytes());
	}

	@GetMapping("/signatures/confirm")
	String confirmPage(@RequestParam(required = false) String token, Locale locale, Model model,
			HttpServletResponse response) {
		Signing.Link link = signing.inspect(token);
		return linkPage(link, token, locale, model, response);
	}

	@PostMapping("/signatures/confirm")
	String confirm(@RequestParam(required = false) String token, Locale locale, Model model,
			HttpServletResponse response) {
		Signing.Link link = signing.confirm(token);
		if (link.status() == Signing.LinkStatus.JUST_CONFIRMED) {
			return "redirect:/petitions/" + link.petitionId() + "?confirmed";
		}
		return linkPage(link, token, locale, model, response);
	}

	private String linkPage(Signing.Link link, String token, Locale locale, Model model, HttpServletResponse response) {
		model.addAttribute("status", link.status().name());
		model.addAttribute("token", token);
		if (link.petitionId() != null) {
			catalogue.publicPetition(link.petitionId(), locale).ifPresent(p -> model.addAttribute("petition", p));
		}
		response.setStatus(switch (link.status()) {
			case VALID, CONFIRMED, JUST_CONFIRMED -> 200;
			case EXPIRED -> 410;
			case PETITION_CLOSED, PAUSED -> 409;
			case UNKNOWN -> 404;
		});
		return "petitions/confirm";
	}

	/** The queue of signatures waiting for the database is full, or the wait ran out. */
	@ExceptionHandler(SignatureBatcher.SigningOverloaded.class)
	ModelAndView busy(HttpServletResponse response) {
		response.setHeader("Retry-After", "5");
		ModelAndView view = new ModelAndView("error/message");
		view.setStatus(HttpStatus.SERVICE_UNAVAILABLE);
		view.addObject("status", 503);
		view.addObject("messageKey", "error.unavailable");
		return view;
	}

	private String petitionPage(long id, Locale locale, Model model) {
		PetitionView petition = publicPetition(id, locale);
		model.addAttribute("petition", petition);
		model.addAttribute(ShareCard.MODEL_NAME, PetitionCardController.shareCard(petition));
		model.addAttribute("progress", Progress.of(milestones.recent(id), petition.signatures()));
		Map<String, Long> byCountry = new LinkedHashMap<>();
		petition.byCountry().forEach(c -> byCountry.put(c.code(), c.signatures()));
		model.addAttribute("charts", charts.of(id, petition.openedAt(), petition.closedAt(), byCountry, locale));
		model.addAttribute("evidence", linkedEvidence(id, locale));
		model.addAttribute("deliveryRecord", deliveries.publicRecord(id));
		SignatureForm form = (SignatureForm) model.getAttribute("form");
		model.addAttribute("countryOptions", Countries.htmlOptions(locale, form == null ? null : form.country()));
		return "petitions/show";
	}

	/**
	 * Evidence changes rarely; an unreachable database never holds up the petition page
	 * because of it.
	 */
	private final RecentCopies<EvidenceKey, List<PetitionEvidence.EvidenceItem>> recentEvidence = new RecentCopies<>(
			Duration.ofSeconds(30), 1_000, this::readEvidence);

	private record EvidenceKey(long petitionId, Locale locale) {
	}

	private List<PetitionEvidence.EvidenceItem> linkedEvidence(long id, Locale locale) {
		return recentEvidence.get(new EvidenceKey(id, locale), List.of(), 2000);
	}

	private List<PetitionEvidence.EvidenceItem> readEvidence(EvidenceKey key) {
		return evidence.stream().flatMap(e -> e.forPetition(key.petitionId(), key.locale()).stream()).toList();
	}

	long evidenceCopiesHeld() {
		return recentEvidence.size();
	}

	private PetitionView publicPetition(long id, Locale locale) {
		return catalogue.publicPetition(id, locale).orElseThrow(() -> new NotFoundException("No petition " + id));
	}

}
