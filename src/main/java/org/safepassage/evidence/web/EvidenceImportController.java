package org.safepassage.evidence.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.safepassage.evidence.csv.CsvImport;
import org.safepassage.evidence.csv.ImportUploads;
import org.safepassage.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * CSV import in two steps: upload for a dry run that lists every bad row with its line
 * and reason, then import. A file with any bad row imports nothing; the import checks the
 * stored file again first and uses each upload once.
 */
@Controller
@RequestMapping("/admin/evidence/import")
class EvidenceImportController {

	private final CsvImport csv;

	private final ImportUploads uploads;

	EvidenceImportController(CsvImport csv, ImportUploads uploads) {
		this.csv = csv;
		this.uploads = uploads;
	}

	@GetMapping
	String form() {
		return "admin/evidence/import";
	}

	@PostMapping
	String dryRun(@RequestParam(required = false) MultipartFile file, Principal principal, Locale locale, Model model,
			HttpServletResponse response) throws IOException {
		if (file == null || file.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("fileError", "evidence.import.noFile");
			return "admin/evidence/import";
		}
		CsvImport.Plan plan = csv.check(file.getBytes(), locale);
		if (!plan.importable()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("plan", plan);
			model.addAttribute("fileName", file.getOriginalFilename());
			return "admin/evidence/import";
		}
		String name = file.getOriginalFilename() == null ? "upload.csv" : file.getOriginalFilename();
		long id = uploads.save(name.length() > 200 ? name.substring(0, 200) : name,
				new String(file.getBytes(), StandardCharsets.UTF_8), principal.getName());
		return "redirect:/admin/evidence/import/" + id;
	}

	@GetMapping("/{id}")
	String checked(@PathVariable long id, Locale locale, Model model) {
		ImportUploads.Upload upload = find(id);
		model.addAttribute("plan", csv.check(upload.content(), locale));
		model.addAttribute("fileName", upload.fileName());
		model.addAttribute("uploadId", id);
		return "admin/evidence/import";
	}

	@PostMapping("/{id}")
	String importChecked(@PathVariable long id, Principal principal, Locale locale, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		ImportUploads.Upload upload = find(id);
		CsvImport.Plan plan = csv.check(upload.content(), locale);
		if (!plan.importable()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("plan", plan);
			model.addAttribute("fileName", upload.fileName());
			return "admin/evidence/import";
		}
		redirect.addFlashAttribute("imported", csv.importUpload(id, plan, principal.getName()));
		return "redirect:/admin/evidence";
	}

	private ImportUploads.Upload find(long id) {
		return uploads.find(id).orElseThrow(() -> new NotFoundException("No upload " + id));
	}

}
