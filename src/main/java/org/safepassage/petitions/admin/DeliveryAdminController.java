package org.safepassage.petitions.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.safepassage.petitions.delivery.DeliveryPhotos;
import org.safepassage.petitions.delivery.DeliveryPhotos.Photo;
import org.safepassage.petitions.delivery.DeliveryRecords;
import org.safepassage.petitions.domain.Delivery;
import org.safepassage.petitions.domain.Petition;
import org.safepassage.petitions.domain.PetitionAdministration;
import org.safepassage.petitions.domain.PetitionsProperties;
import org.safepassage.petitions.web.PetitionCatalogue;
import org.safepassage.shared.RuleViolation;
import org.safepassage.shared.StaffAction;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff record a petition's delivery (once, when closed) and the responses to it, and
 * follow the mails to signers that each causes. Every change is audited as a staff
 * request.
 */
@Controller
@RequestMapping("/admin/petitions/{id}")
class DeliveryAdminController {

	private final PetitionAdministration administration;

	private final PetitionCatalogue catalogue;

	private final DeliveryRecords records;

	private final DeliveryPhotos photos;

	private final PetitionsProperties properties;

	private final Clock clock;

	DeliveryAdminController(PetitionAdministration administration, PetitionCatalogue catalogue, DeliveryRecords records,
			DeliveryPhotos photos, PetitionsProperties properties, Clock clock) {
		this.administration = administration;
		this.catalogue = catalogue;
		this.records = records;
		this.photos = photos;
		this.properties = properties;
		this.clock = clock;
	}

	@GetMapping("/delivery")
	String page(@PathVariable long id, Locale locale, Model model) {
		model.addAttribute("deliveryForm", DeliveryForm.empty(today()));
		model.addAttribute("responseForm", ResponseForm.empty(today()));
		return page(id, locale, model, null);
	}

	@PostMapping("/delivery")
	String deliver(@PathVariable long id, @Valid @ModelAttribute("deliveryForm") DeliveryForm form,
			BindingResult errors, @RequestParam(required = false) MultipartFile photo, Principal principal,
			Locale locale, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		Photo cleaned = null;
		String photoError = null;
		if (photo != null && !photo.isEmpty()) {
			try {
				cleaned = photos.clean(read(photo));
			}
			catch (RuleViolation bad) {
				photoError = bad.messageKey();
			}
		}
		if (errors.hasErrors() || photoError != null) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("responseForm", ResponseForm.empty(today()));
			return page(id, locale, model, photoError);
		}
		Photo stored = cleaned;
		return StaffAction.thenRedirect(() -> records.deliver(id, form.toDelivery(), stored, principal.getName()),
				redirect, "/admin/petitions/" + id + "/delivery");
	}

	@PostMapping("/responses")
	String respond(@PathVariable long id, @Valid @ModelAttribute("responseForm") ResponseForm form,
			BindingResult errors, Principal principal, Locale locale, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		if (errors.hasErrors()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("deliveryForm", DeliveryForm.empty(today()));
			return page(id, locale, model, null);
		}
		return StaffAction.thenRedirect(() -> records.respond(id, form.toResponse(), principal.getName()), redirect,
				"/admin/petitions/" + id + "/delivery");
	}

	private String page(long id, Locale locale, Model model, String photoError) {
		Petition petition = administration.get(id);
		model.addAttribute("state", petition.state().name());
		model.addAttribute("view", catalogue.anyPetition(id, locale).orElseThrow());
		model.addAttribute("record", records.currentRecord(id));
		model.addAttribute("updates", records.updates(id));
		model.addAttribute("methods", Delivery.Method.values());
		model.addAttribute("photoError", photoError);
		model.addAttribute("photoMaxMegabytes", properties.updates().photoMaxBytes().toMegabytes());
		return "admin/petitions/delivery";
	}

	/** The upload is bounded by the request size limit before it gets here. */
	private static byte[] read(MultipartFile photo) {
		try {
			return photo.getBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(properties.zone()));
	}

}
