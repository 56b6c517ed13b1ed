package org.safepassage.petitions.web;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.safepassage.petitions.pack.CanonicalList;
import org.safepassage.petitions.pack.Checkpoints;
import org.safepassage.petitions.pack.DeliveryPacks;
import org.safepassage.petitions.pack.PackCsv;
import org.safepassage.petitions.pack.PackVerification;
import org.safepassage.shared.NotFoundException;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

/**
 * Public pages that let anyone check a petition's list: the verify form (a pack CSV or
 * its digest against the delivered pack and the daily checkpoints) and the checkpoints,
 * as a page and as JSON. All work without JavaScript.
 */
@Controller
class PackPageController {

	private final PetitionCatalogue catalogue;

	private final PackVerification verification;

	private final Checkpoints checkpoints;

	private final DeliveryPacks packs;

	PackPageController(PetitionCatalogue catalogue, PackVerification verification, Checkpoints checkpoints,
			DeliveryPacks packs) {
		this.catalogue = catalogue;
		this.verification = verification;
		this.checkpoints = checkpoints;
		this.packs = packs;
	}

	@GetMapping("/petitions/{id}/verify")
	String verifyPage(@PathVariable long id, Locale locale, Model model) {
		model.addAttribute("form", VerifyForm.empty());
		return page(id, locale, model);
	}

	@PostMapping("/petitions/{id}/verify")
	String verify(@PathVariable long id, @Valid @ModelAttribute("form") VerifyForm form, BindingResult errors,
			@RequestParam(name = "csv", required = false) MultipartFile csv, Locale locale, Model model,
			HttpServletRequest request, HttpServletResponse response) throws IOException {
		String page = page(id, locale, model);
		if (errors.hasErrors()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page;
		}
		boolean hasCsv = csv != null && !csv.isEmpty();
		String digest = CanonicalList.normaliseDigest(form.digest());
		if (!hasCsv && digest == null) {
			errors.rejectValue("digest",
					form.digest() == null || form.digest().isBlank() ? "verify.error.nothing" : "verify.error.digest");
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page;
		}
		try {
			verification.allow(request.getRemoteAddr());
			model.addAttribute("verdict", hasCsv ? verification.verifyCsv(id, csv.getInputStream())
					: verification.verifyDigest(id, digest, null));
		}
		catch (PackVerification.Busy busy) {
			response.setHeader("Retry-After", "60");
			response.setStatus(429);
			model.addAttribute("csvError", "verify.error.busy");
		}
		catch (PackCsv.NotAPackCsv notCsv) {
			response.setStatus("verify.error.tooLarge".equals(notCsv.messageKey())
					? HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE : HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("csvError", notCsv.messageKey());
		}
		return page;
	}

	@GetMapping("/petitions/{id}/checkpoints")
	String checkpointsPage(@PathVariable long id, Locale locale, Model model) {
		model.addAttribute("petition", publicPetition(id, locale));
		model.addAttribute("checkpoints", checkpoints.list(id).reversed());
		return "petitions/checkpoints";
	}

	record CheckpointJson(LocalDate day, long signatures, String digest, String chain, Instant recordedAt) {
	}

	@GetMapping("/api/petitions/{id}/checkpoints")
	@ResponseBody
	ResponseEntity<List<CheckpointJson>> checkpointsJson(@PathVariable long id) {
		publicPetition(id, Locale.ENGLISH);
		List<CheckpointJson> body = checkpoints.list(id)
			.stream()
			.map(c -> new CheckpointJson(c.day(), c.signatures(), c.digest(), c.chain(), c.recordedAt()))
			.toList();
		return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic()).body(body);
	}

	private String page(long id, Locale locale, Model model) {
		model.addAttribute("petition", publicPetition(id, locale));
		model.addAttribute("pack", packs.publishedPack(id).orElse(null));
		model.addAttribute("maxMegabytes", Math.max(1, verification.maxCsvBytes() >> 20));
		return "petitions/verify";
	}

	private PetitionView publicPetition(long id, Locale locale) {
		return catalogue.publicPetition(id, locale).orElseThrow(() -> new NotFoundException("No petition " + id));
	}

}
