import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { signInDemo, signInSekda } from './support/auth';
import { checkA11y, e2eEnv, openBrowser, screenshot, type OpenBrowser } from './support/browser';

/**
 * The neutrality journey (issue 7 §8), at phone width: an anonymous public report on /netralitas/lapor; the
 * Inspektorat handler finds it on the case board, verifies it and asks the reporter a question; the reporter opens
 * the receipt page with code and secret, sees the question and answers; the handler sees the answer. A wrong
 * secret is refused. Then the management screens: reveal of an identified reporter (recipient picked from a list,
 * approved by the second handler, BKPSDM), the election calendar, pledge campaigns with reminders and the sanction
 * registry. Every screen visited is axe-checked.
 */
const INSPEKTORAT = 'inspektorat@pangkalpinang.demo';
const BKPSDM = 'bkpsdm@pangkalpinang.demo';
const QUESTION = 'Pada tanggal berapa unggahan itu Anda lihat, dan apakah masih dapat dibuka?';
const ANSWER = 'Saya melihatnya tanggal 10, tautannya masih bisa dibuka sore ini.';


describe('neutrality', () => {
  let reporter: OpenBrowser;
  let handler: OpenBrowser;
  let second: OpenBrowser;
  const receipt = { number: '', code: '', secret: '' };
  let caseUrl = '';

  beforeAll(async () => {
    e2eEnv();
    reporter = await openBrowser({ viewport: 'phone' });
    handler = await openBrowser({ viewport: 'phone' });
    second = await openBrowser({ viewport: 'phone' });
    await signInDemo(handler.context, INSPEKTORAT);
    await signInDemo(second.context, BKPSDM);
  });
  afterAll(async () => {
    await reporter?.close();
    await handler?.close();
    await second?.close();
  });

  test('an anonymous citizen reports from a phone and keeps the receipt', async () => {
    const { page } = reporter;
    await page.goto('/netralitas/lapor');
    await page.getByRole('heading', { name: 'Lapor pelanggaran netralitas ASN' }).waitFor();
    await page.getByLabel('Nama terlapor').fill('Budi Santoso');
    await page.getByLabel('OPD terlapor').selectOption({ index: 1 });
    await page.getByLabel('Jenis pelanggaran (SKB 5 instansi 2022)').selectOption('media_sosial');
    await page.getByLabel('Tanggal kejadian').fill('2024-11-10');
    await page.getByLabel('Tempat / akun media sosial').fill('Facebook, akun pribadi terlapor');
    await page.getByLabel('Uraian kejadian').fill('Terlapor membagikan poster pasangan calon dengan ajakan memilih di akun pribadinya.');
    await page.getByLabel('Tautan bukti (satu per baris)').fill('https://facebook.com/contoh/posts/1');
    await expect.poll(() => page.getByLabel('Laporkan tanpa nama (anonim)').isChecked()).toBe(true);
    await checkA11y(page, { label: 'public report form phone' });
    await screenshot(page, 'neutrality-report-form-phone');
    await page.getByRole('button', { name: 'Kirim laporan' }).click();
    await page.getByTestId('ntr-secret').waitFor();
    receipt.number = (await page.getByTestId('ntr-number').textContent())?.trim() ?? '';
    receipt.code = (await page.getByTestId('ntr-code').textContent())?.trim() ?? '';
    receipt.secret = (await page.getByTestId('ntr-secret').textContent())?.trim() ?? '';
    expect(receipt.code).toMatch(/^NTR-1971-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(receipt.secret).toMatch(/^[A-Z0-9]{4}(-[A-Z0-9]{4}){3}$/);
    await checkA11y(page, { label: 'receipt shown phone' });
    await screenshot(page, 'neutrality-receipt-shown-phone');
  });

  test('the Inspektorat handler finds it on the board, verifies it and asks a question', async () => {
    const { page } = handler;
    await page.goto('/netralitas/kasus');
    await page.getByRole('heading', { name: 'Kasus netralitas', level: 1 }).waitFor();
    const link = page.getByRole('link', { name: receipt.number });
    await link.waitFor();
    await checkA11y(page, { label: 'case board phone' });
    await screenshot(page, 'neutrality-board-phone');
    await link.click();
    await page.getByRole('heading', { name: receipt.number, level: 1 }).waitFor();
    caseUrl = new URL(page.url()).pathname;
    const verify = page.getByRole('form', { name: 'Verifikasi' });
    await verify.getByLabel('Catatan').fill('Tautan bukti dapat dibuka; terlapor teridentifikasi. Lanjut pemeriksaan.');
    await checkA11y(page, { label: 'case verification phone' });
    await screenshot(page, 'neutrality-case-verify-phone');
    await verify.getByRole('button', { name: 'Terima untuk diperiksa' }).click();
    await page.getByText('Tahap: Pemeriksaan').waitFor();
    const ask = page.getByRole('form', { name: 'Tanya pelapor' });
    await ask.getByLabel('Pertanyaan petugas').fill(QUESTION);
    await ask.getByRole('button', { name: 'Tanya pelapor' }).click();
    await page.getByText(QUESTION).waitFor();
    await expect.poll(() => page.getByText('Pertanyaan ke pelapor').first().isVisible()).toBe(true);
    await checkA11y(page, { label: 'case asked phone' });
    await screenshot(page, 'neutrality-case-asked-phone');
  });

  test('the reporter opens the receipt page, sees the question and answers', async () => {
    const { page } = reporter;
    await page.goto('/netralitas/tanda-terima');
    await page.getByLabel('Kode tanda terima').fill(receipt.code);
    await page.getByLabel('Kata sandi').fill(receipt.secret);
    await page.getByRole('button', { name: 'Buka' }).click();
    await page.getByText(QUESTION).waitFor();
    expect(await page.getByTestId('ntr-stage').textContent()).toBe('Pemeriksaan');
    // Nothing about the handler, the reported person or internal notes reaches the receipt page.
    expect(await page.getByText('Budi Santoso').count()).toBe(0);
    expect(await page.getByText('Lanjut pemeriksaan').count()).toBe(0);
    await checkA11y(page, { label: 'receipt question phone' });
    await screenshot(page, 'neutrality-receipt-question-phone');
    await page.getByLabel('Jawaban Anda').fill(ANSWER);
    await page.getByRole('button', { name: 'Kirim jawaban' }).click();
    await page.getByText('Sudah dijawab').waitFor();
    await page.getByText(ANSWER).waitFor();
    await checkA11y(page, { label: 'receipt answered phone' });
    await screenshot(page, 'neutrality-receipt-answered-phone');
  });

  test('a wrong secret is refused and shows nothing of the report', async () => {
    const browser = await openBrowser({ viewport: 'phone' });
    try {
      const { page } = browser;
      await page.goto('/netralitas/tanda-terima');
      await page.getByLabel('Kode tanda terima').fill(receipt.code);
      await page.getByLabel('Kata sandi').fill('AAAA-BBBB-CCCC-DDDD');
      await page.getByRole('button', { name: 'Buka' }).click();
      await page.getByText('Kode tanda terima atau kata sandi salah.').waitFor();
      expect(await page.getByText(QUESTION).count()).toBe(0);
      expect(await page.getByTestId('ntr-stage').count()).toBe(0);
      await checkA11y(page, { label: 'receipt refused phone' });
      await screenshot(page, 'neutrality-receipt-refused-phone');
    } finally {
      await browser.close();
    }
  });

  test('the handler sees the answer on the case', async () => {
    const { page } = handler;
    await page.goto(caseUrl);
    await page.getByText(ANSWER).waitFor();
    await expect.poll(() => page.getByText('Jawaban pelapor').first().isVisible()).toBe(true);
    await checkA11y(page, { label: 'case answered phone' });
    await screenshot(page, 'neutrality-case-answered-phone');
  });

  test('an identified reporter is revealed to a person picked from a list, after a second handler approves', async () => {
    const { page, context } = handler;
    const list = (await (await context.request.get('/api/v1/neutrality/cases?open=true')).json()) as { items: Array<{ id: string; anonymous: boolean }> };
    let target = '';
    for (const item of list.items.filter((c) => !c.anonymous)) {
      const detail = (await (await context.request.get(`/api/v1/neutrality/cases/${item.id}`)).json()) as { abilities: string[] };
      if (detail.abilities.includes('reveal')) {
        target = item.id;
        break;
      }
    }
    expect(target, 'the demo has an open case with an identified reporter').not.toBe('');
    await page.goto(`/netralitas/kasus/${target}`);
    const form = page.getByRole('form', { name: 'Minta pembukaan identitas untuk orang lain' });
    await form.waitFor();
    const picker = form.getByLabel('Penerima');
    await expect.poll(async () => (await picker.locator('option').allTextContents()).some((t) => t.startsWith('Sekretaris Daerah (demo)'))).toBe(true);
    const sekda = (await picker.locator('option').allTextContents()).find((t) => t.startsWith('Sekretaris Daerah (demo)')) ?? '';
    await picker.selectOption({ label: sekda });
    await form.getByLabel('Alasan').fill('Sekda perlu menghubungi pelapor untuk keterangan tambahan.');
    await form.getByRole('button', { name: 'Ajukan permintaan' }).click();
    await page.getByText('menunggu persetujuan').first().waitFor();
    await page.getByText('Anda yang meminta: penangan lain yang menyetujui.').first().waitFor();
    await checkA11y(page, { label: 'reveal requested phone' });
    await screenshot(page, 'neutrality-reveal-requested-phone');

    const other = second.page;
    await other.goto(`/netralitas/kasus/${target}`);
    await other.getByRole('button', { name: 'Setujui (24 jam)' }).first().click();
    await other.getByText(/disetujui sampai/).first().waitFor();
    await checkA11y(other, { label: 'reveal approved phone' });
    await screenshot(other, 'neutrality-reveal-approved-phone');
  });

  test('BKPSDM manages the election calendar', async () => {
    const { page } = second;
    await page.goto('/netralitas/pemilihan');
    await page.getByRole('heading', { name: /Pilkada Ulang Kota Pangkalpinang 2025/ }).waitFor();
    await checkA11y(page, { label: 'elections phone' });
    await screenshot(page, 'neutrality-elections-phone');
    const form = page.getByRole('form', { name: 'Catat pemilihan' });
    await form.getByLabel('Jenis pemilihan').selectOption('pilkada');
    await form.getByLabel('Nama', { exact: true }).fill('Pilkada Serentak 2029 (uji)');
    await form.getByLabel('Pemungutan suara', { exact: true }).fill('2029-11-28');
    await form.getByLabel('Dasar hukum').fill('UU 10/2016; PKPU tahapan Pilkada 2029 (uji)');
    await form.getByLabel('Penetapan calon mulai').fill('2029-09-22');
    await form.getByLabel('Pemungutan suara mulai').fill('2029-11-28');
    await form.getByRole('button', { name: 'Simpan pemilihan' }).click();
    await page.getByText('Pemilihan tersimpan.').waitFor();
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /Pilkada Serentak 2029 \(uji\)/ }) });
    // The freeze starts six months before candidate designation (UU 10/2016 art. 71(2)).
    await expect.poll(async () => (await card.textContent()) ?? '').toMatch(/22 Mar(et)? 2029/);
    await checkA11y(page, { label: 'election saved phone' });

    // The KPU moves the candidate designation: the freeze follows, six months before the new date.
    await card.getByRole('button', { name: 'Ubah: Pilkada Serentak 2029 (uji)' }).click();
    const edit = page.getByRole('form', { name: 'Ubah pemilihan: Pilkada Serentak 2029 (uji)' });
    await edit.getByLabel('Penetapan calon mulai').fill('2029-10-01');
    await checkA11y(page, { label: 'election edit phone' });
    await screenshot(page, 'neutrality-election-edit-phone');
    await edit.getByRole('button', { name: 'Simpan perubahan' }).click();
    await page.getByText('Perubahan pemilihan tersimpan; masa larangan mutasi dan pengawasan dihitung ulang.').waitFor();
    await expect.poll(async () => (await card.textContent()) ?? '').toMatch(/Larangan penggantian pejabat\s*1 Apr(il)? 2029/);

    // The demo's repeat Pilkada has a pledge campaign and cases: deleting it is refused, saying what refers to it.
    const used = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /Pilkada Ulang Kota Pangkalpinang 2025/ }) });
    await used.getByRole('button', { name: 'Hapus: Pilkada Ulang Kota Pangkalpinang 2025' }).click();
    await used.getByRole('button', { name: 'Ya, hapus pemilihan' }).click();
    await used.getByText(/tidak dapat dihapus karena masih dirujuk oleh 1 kampanye ikrar/).waitFor();
    await checkA11y(page, { label: 'election delete refused phone' });
    await screenshot(page, 'neutrality-election-delete-refused-phone');
    await used.getByRole('button', { name: 'Tidak, kembali' }).click();

    // The test election, which nothing refers to, is deleted after the confirmation.
    await card.getByRole('button', { name: 'Hapus: Pilkada Serentak 2029 (uji)' }).click();
    await card.getByRole('button', { name: 'Ya, hapus pemilihan' }).click();
    await page.getByText('Pemilihan “Pilkada Serentak 2029 (uji)” dihapus.').waitFor();
    await expect.poll(() => card.count()).toBe(0);
  });

  test('BKPSDM runs a pledge campaign and sends reminders', async () => {
    const { page } = second;
    await page.goto('/netralitas/kampanye');
    await page.getByRole('heading', { name: 'Kampanye ikrar netralitas', level: 1 }).waitFor();
    const form = page.getByRole('form', { name: 'Kampanye baru' });
    const today = new Date().toISOString().slice(0, 10);
    const later = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
    await form.getByLabel('Judul').fill('Ikrar Netralitas ASN (uji e2e)');
    await form.getByLabel('Mulai').fill(today);
    await form.getByLabel('Berakhir').fill(later);
    await form.getByRole('button', { name: 'Mulai kampanye' }).click();
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /Ikrar Netralitas ASN \(uji e2e\)/ }) });
    await card.waitFor();
    await card.getByRole('button', { name: 'Kirim pengingat ke yang belum' }).click();
    await page.getByText(/Pengingat dikirim ke \d+ akun ASN|Tidak ada pengingat baru/).waitFor();
    await page.getByRole('heading', { name: /Capaian per OPD/, level: 2 }).waitFor();
    await checkA11y(page, { label: 'campaigns phone' });
    await screenshot(page, 'neutrality-campaigns-phone');

    // The deadline is extended.
    const further = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await card.getByRole('button', { name: 'Ubah: Ikrar Netralitas ASN (uji e2e)' }).click();
    const edit = page.getByRole('form', { name: 'Ubah kampanye: Ikrar Netralitas ASN (uji e2e)' });
    await edit.getByLabel('Berakhir').fill(further);
    await edit.getByRole('button', { name: 'Simpan perubahan' }).click();
    await page.getByText('Perubahan kampanye tersimpan.').waitFor();

    // The demo's running campaign has signatures: its text is locked and it can only be cancelled, not deleted.
    const signed = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /\(penyegaran\)/ }) });
    await signed.getByRole('button', { name: /^Ubah: / }).click();
    const locked = page.getByRole('form', { name: /^Ubah kampanye: .*\(penyegaran\)/ });
    await locked.getByText(/ASN sudah menandatangani teks ini/).waitFor();
    expect(await locked.getByLabel('Teks ikrar').getAttribute('readonly')).not.toBeNull();
    await checkA11y(page, { label: 'campaign edit signed phone' });
    await screenshot(page, 'neutrality-campaign-edit-signed-phone');
    await locked.getByRole('button', { name: 'Tutup' }).click();
    await signed.getByRole('button', { name: /^Batalkan kampanye: / }).click();
    const cancel = page.getByRole('form', { name: 'Batalkan kampanye' });
    await cancel.getByLabel('Alasan pembatalan').fill('Dibuat ganda; diganti kampanye Pilkada 2029.');
    await checkA11y(page, { label: 'campaign cancel phone' });
    await screenshot(page, 'neutrality-campaign-cancel-phone');
    await cancel.getByRole('button', { name: 'Tidak, kembali' }).click();

    // The test campaign, which nobody signed, is deleted after the confirmation.
    await card.getByRole('button', { name: 'Hapus: Ikrar Netralitas ASN (uji e2e)' }).click();
    await card.getByText(/Belum ada yang menandatangani/).waitFor();
    await screenshot(page, 'neutrality-campaign-delete-phone');
    await card.getByRole('button', { name: 'Ya, hapus kampanye' }).click();
    await page.getByText('Kampanye “Ikrar Netralitas ASN (uji e2e)” dihapus.').waitFor();
    await expect.poll(() => card.count()).toBe(0);
  });

  test('the sekda decides a case awaiting the decision, with a sanction and its term', async () => {
    const browser = await openBrowser({ viewport: 'phone' });
    try {
      const { page, context } = browser;
      await signInSekda(context);
      const waiting = (await (await context.request.get('/api/v1/neutrality/cases?stage=keputusan')).json()) as { items: Array<{ id: string; number: string }> };
      const target = waiting.items[0];
      expect(target, 'the demo has a case awaiting the decision').toBeDefined();
      await page.goto(`/netralitas/kasus/${target?.id}`);
      const form = page.getByRole('form', { name: 'Keputusan PPK' });
      await form.waitFor();
      await form.getByLabel('Hasil', { exact: true }).selectOption('terbukti');
      await form.getByLabel('Nomor keputusan').fill('800/99/BKPSDM/2026');
      await form.getByLabel('Tanggal keputusan').fill(new Date().toISOString().slice(0, 10));
      await form.getByLabel('Sanksi', { exact: true }).fill('Hukuman disiplin sesuai rekomendasi (uji e2e)');
      await form.getByLabel('Berlaku mulai').fill('2026-12-01');
      await form.getByLabel('Sampai').fill('2027-05-31');
      await form.getByLabel('Catatan').fill('Terbukti berdasarkan hasil pemeriksaan Inspektorat.');
      await checkA11y(page, { label: 'decision phone' });
      await screenshot(page, 'neutrality-decision-phone');
      await form.getByRole('button', { name: 'Simpan' }).click();
      await page.getByText('Hukuman disiplin sesuai rekomendasi (uji e2e)').first().waitFor();
      await page.goto('/netralitas/sanksi');
      await page.getByText('Hukuman disiplin sesuai rekomendasi (uji e2e)').waitFor();
      await checkA11y(page, { label: 'sanctions after decision phone' });
    } finally {
      await browser.close();
    }
  });

  test('the sanction registry shows status and the TPP effect', async () => {
    const { page } = second;
    await page.goto('/netralitas/sanksi');
    await page.getByRole('heading', { name: 'Registri sanksi netralitas', level: 1 }).waitFor();
    await page.getByRole('button', { name: /^Semua/ }).click();
    await expect.poll(async () => page.getByRole('button', { name: /^Semua/ }).getAttribute('aria-pressed')).toBe('true');
    await page.locator('table.data-table, .empty-state').first().waitFor();
    await checkA11y(page, { label: 'sanctions phone' });
    await screenshot(page, 'neutrality-sanctions-phone');
  });

  test('no console errors on any screen', () => {
    expect([...reporter.errors, ...handler.errors, ...second.errors].filter((e) => !/401|Unauthorized|Failed to load resource/.test(e))).toEqual([]);
  });
});
