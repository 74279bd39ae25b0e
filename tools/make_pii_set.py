"""Write tests/data/pii_eval.jsonl: survey comments with planted personal data, labelled with exact spans.

Written for this project (no outside text). Seven languages (en, de, fr, es, it, pt, nl); each language has
comment templates with slots ({EMAIL}, {PHONE}, {CARD}, {IBAN}, {IP}, {URL}, {PERSON}) filled from values in
the formats people type in that country, plus comments with look-alikes that are NOT personal data
(order numbers, prices, dates, versions, percentages) to measure false alarms. Phone numbers are written
as people write them; nobody checked them against the detector's library, so its misses count.

    python tools/make_pii_set.py      # deterministic (seeded)
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "tests" / "data" / "pii_eval.jsonl"

CARDS = ["4111 1111 1111 1111", "5500-0000-0000-0004", "4012888888881881", "3782 822463 10005",
         "6011 1111 1111 1117", "5105 1051 0510 5100", "4242-4242-4242-4242", "3530 1113 3330 0000"]
IPS = ["192.168.1.23", "10.0.0.5", "84.23.112.9", "2001:db8::1", "172.16.254.3", "2a02:810d:4a80::1f"]

VALUES = {
    "en": {
        "EMAIL": ["john.smith@gmail.com", "sarah_k88@outlook.co.uk", "m.jones+billing@company.io"],
        "PHONE": ["(415) 555-0132", "+1 212 555 0187", "020 7946 0958", "+44 7700 900123", "617-555-0199"],
        "IBAN": ["GB82 WEST 1234 5698 7654 32", "GB33BUKB20201555555555"],
        "URL": ["https://shop.example.com/reset?token=a8f3k29dk3", "www.example.com/account?session=99x7Q"],
        "PERSON": ["Sarah Miller", "Kevin", "David Thompson", "Emily"],
    },
    "de": {
        "EMAIL": ["hans.mueller@web.de", "j.schmidt@gmx.net", "anna-lena.weber@t-online.de"],
        "PHONE": ["0171 2345678", "+49 30 12345678", "030/1234567", "0049 89 12345678", "+43 1 5124444"],
        "IBAN": ["DE89 3704 0044 0532 0130 00", "AT61 1904 3002 3457 3201"],
        "URL": ["https://konto.example.de/login?key=Zt82Lk1", "www.example.de/bestellung?id=88213&auth=x9"],
        "PERSON": ["Müller", "Schneider", "Weber", "Klaus Becker"],
    },
    "fr": {
        "EMAIL": ["marie.dupont@orange.fr", "p.martin@free.fr", "contact.lefevre@laposte.net"],
        "PHONE": ["06 12 34 56 78", "+33 1 42 68 53 00", "01.45.67.89.10", "0033 6 98 76 54 32", "+32 2 555 12 34"],
        "IBAN": ["FR14 2004 1010 0505 0001 3M02 606", "BE68 5390 0754 7034"],
        "URL": ["https://compte.example.fr/reinit?jeton=7Gh2kLm", "www.example.fr/suivi?colis=XK2291&cle=ab12"],
        "PERSON": ["Dubois", "Lefèvre", "Moreau", "Claire Petit"],
    },
    "es": {
        "EMAIL": ["carlos.garcia@gmail.com", "lucia.fernandez@hotmail.es", "j.lopez@telefonica.net"],
        "PHONE": ["612 34 56 78", "+34 91 123 45 67", "+52 55 1234 5678", "0034 699 123 456", "912 345 678"],
        "IBAN": ["ES91 2100 0418 4502 0005 1332", "ES7921000813610123456789"],
        "URL": ["https://cuenta.example.es/restablecer?token=Qw81zz", "www.example.es/pedido?ref=7731&clave=pp9"],
        "PERSON": ["García", "Martínez", "Rodríguez", "Ana López"],
    },
    "it": {
        "EMAIL": ["giulia.rossi@libero.it", "marco.bianchi@gmail.com", "f.esposito@tiscali.it"],
        "PHONE": ["347 123 4567", "+39 06 1234 5678", "02 1234 5678", "0039 333 765 4321", "+39 345 678 9012"],
        "IBAN": ["IT60 X054 2811 1010 0000 0123 456", "IT60X0542811101000000123456"],
        "URL": ["https://account.example.it/reset?token=Lp02Ws", "www.example.it/ordine?id=5521&chiave=z8"],
        "PERSON": ["Rossi", "Ferrari", "Romano", "Luca Conti"],
    },
    "pt": {
        "EMAIL": ["joao.silva@gmail.com", "ana.santos@sapo.pt", "p.oliveira@uol.com.br"],
        "PHONE": ["912 345 678", "+351 21 123 4567", "+55 11 91234-5678", "(11) 3456-7890", "0055 21 98765 4321"],
        "IBAN": ["PT50 0002 0123 1234 5678 9015 4", "PT50000201231234567890154"],
        "URL": ["https://conta.example.pt/redefinir?token=Hh72Ka", "www.example.com.br/pedido?id=9911&chave=q1"],
        "PERSON": ["Silva", "Pereira", "Costa", "Rita Almeida"],
    },
    "nl": {
        "EMAIL": ["jan.dejong@ziggo.nl", "s.vandenberg@kpnmail.nl", "pieter.bakker@gmail.com"],
        "PHONE": ["06 12345678", "+31 20 123 4567", "020-1234567", "0031 6 87654321", "+32 3 123 45 67"],
        "IBAN": ["NL91 ABNA 0417 1643 00", "NL02ABNA0123456789"],
        "URL": ["https://account.example.nl/herstel?token=Vb61Pq", "www.example.nl/bestelling?id=4410&sleutel=k7"],
        "PERSON": ["De Vries", "Jansen", "Visser", "Sanne Bos"],
    },
}

TEMPLATES = {
    "en": [
        "Please email me at {EMAIL}, nobody ever replies.", "Call me back on {PHONE} before 5pm.",
        "You charged my card {CARD} twice this month!", "Refund to my account {IBAN} please.",
        "The login fails from IP {IP} every time.", "The reset link {URL} has expired already.",
        "My name is {PERSON} and I have waited three weeks.", "I spoke with {PERSON} on the phone, very helpful.",
        "Agent {PERSON} was rude and hung up on me.", "Thanks to {PERSON}, who sorted out the delivery.",
        "Reach me at {PHONE} or {EMAIL} about the broken charger.",
        "Card {CARD} was declined although it works everywhere else.",
    ],
    "de": [
        "Bitte antworten Sie an {EMAIL}, ich warte seit Tagen.", "Rufen Sie mich unter {PHONE} zurück.",
        "Meine Karte {CARD} wurde doppelt belastet!", "Bitte erstatten Sie auf {IBAN}.",
        "Von der IP {IP} aus klappt die Anmeldung nicht.", "Der Link {URL} funktioniert nicht mehr.",
        "Mein Name ist {PERSON}, Kundennummer habe ich vergessen.", "Herr {PERSON} an der Hotline war sehr freundlich.",
        "Frau {PERSON} hat mir leider nicht geholfen.", "Ich heiße {PERSON} und bin seit 10 Jahren Kunde.",
        "Erreichbar unter {PHONE} oder {EMAIL}.", "Die Abbuchung von Karte {CARD} ist falsch.",
    ],
    "fr": [
        "Merci de me répondre à {EMAIL}.", "Rappelez-moi au {PHONE} s'il vous plaît.",
        "Ma carte {CARD} a été débitée deux fois !", "Remboursez sur mon compte {IBAN}.",
        "Impossible de me connecter depuis l'IP {IP}.", "Le lien {URL} ne marche plus.",
        "Je m'appelle {PERSON} et j'attends toujours ma commande.", "Madame {PERSON} au service client était adorable.",
        "Monsieur {PERSON} m'a raccroché au nez.", "Mon conseiller {PERSON} ne répond jamais.",
        "Joignable au {PHONE} ou par mail {EMAIL}.", "Paiement refusé avec la carte {CARD}, incompréhensible.",
    ],
    "es": [
        "Por favor escríbanme a {EMAIL}.", "Llámenme al {PHONE} por la tarde.",
        "¡Me cobraron dos veces en la tarjeta {CARD}!", "Devuelvan el dinero a la cuenta {IBAN}.",
        "No puedo entrar desde la IP {IP}.", "El enlace {URL} ya no funciona.",
        "Me llamo {PERSON} y sigo esperando el reembolso.", "La señora {PERSON} me atendió muy bien.",
        "El señor {PERSON} fue muy grosero.", "Mi asesora {PERSON} resolvió todo en un día.",
        "Contacto: {PHONE} o {EMAIL}.", "Pago rechazado con la tarjeta {CARD} sin motivo.",
    ],
    "it": [
        "Rispondetemi a {EMAIL} per favore.", "Richiamatemi al {PHONE} dopo le 18.",
        "Addebito doppio sulla carta {CARD}!", "Rimborsate sul conto {IBAN}.",
        "Non riesco ad accedere dall'IP {IP}.", "Il link {URL} è scaduto.",
        "Mi chiamo {PERSON} e aspetto ancora il pacco.", "La signora {PERSON} è stata gentilissima.",
        "Il signor {PERSON} non ha risolto nulla.", "L'operatore {PERSON} mi ha chiuso il telefono.",
        "Contattatemi al {PHONE} o a {EMAIL}.", "La carta {CARD} è stata rifiutata senza motivo.",
    ],
    "pt": [
        "Respondam para {EMAIL}, por favor.", "Liguem para {PHONE} depois das 18h.",
        "Cobraram duas vezes no cartão {CARD}!", "Devolvam o dinheiro para a conta {IBAN}.",
        "Não consigo entrar a partir do IP {IP}.", "O link {URL} já não funciona.",
        "Meu nome é {PERSON} e ainda espero o reembolso.", "A senhora {PERSON} foi muito simpática.",
        "O senhor {PERSON} foi mal-educado.", "A atendente {PERSON} resolveu tudo rapidamente.",
        "Contato: {PHONE} ou {EMAIL}.", "O cartão {CARD} foi recusado sem motivo.",
    ],
    "nl": [
        "Mail me op {EMAIL} alstublieft.", "Bel me terug op {PHONE}.",
        "Mijn kaart {CARD} is twee keer belast!", "Stort het terug op {IBAN}.",
        "Inloggen lukt niet vanaf IP {IP}.", "De link {URL} werkt niet meer.",
        "Mijn naam is {PERSON} en ik wacht al weken.", "Mevrouw {PERSON} van de klantenservice was top.",
        "Meneer {PERSON} hing gewoon op.", "Medewerker {PERSON} heeft alles snel opgelost.",
        "Bereikbaar op {PHONE} of {EMAIL}.", "Kaart {CARD} werd geweigerd zonder reden.",
    ],
}

# comments that hold numbers and capitalised words but no personal data: every finding here is a false alarm
NEGATIVES = {
    "en": ["Order 4411-2290 arrived on 12/03/2024, three days late.", "Paid $129.99 for version 2.4.1 and it crashes.",
           "Battery dropped from 100% to 15% in 2 hours.", "Tracking number 1Z999AA10123456784 shows nothing.",
           "Great service in London, will come back to Amazon Prime anyway."],
    "de": ["Bestellung 20240517-88 kam am 17.05.2024 an.", "Für 49,99 € erwarte ich mehr als Version 3.2.",
           "Lieferung nach Berlin dauerte 14 Tage.", "Rechnung Nr. 2024-000123 ist falsch.",
           "Die App stürzt unter Android 14 ständig ab."],
    "fr": ["Commande n° 552310 reçue le 03/02/2024.", "J'ai payé 89,90 € pour la version 5.0.2.",
           "Livraison à Lyon en 48 h, parfait.", "Facture 2024-77812 incorrecte.",
           "Le colis 6A12345678901 est bloqué à Paris."],
    "es": ["Pedido 883412 entregado el 21/06/2024.", "Pagué 59,95 € por la versión 1.8.3.",
           "El envío a Madrid tardó 10 días.", "Factura 2024/00981 con errores.", "La app falla en iOS 17.4."],
    "it": ["Ordine 774201 consegnato il 05/09/2024.", "Ho pagato 39,90 € per la versione 7.1.",
           "Spedizione a Milano in 72 ore.", "Fattura 2024-5512 sbagliata.", "L'app si blocca su Android 13."],
    "pt": ["Pedido 661204 entregue em 14/08/2024.", "Paguei R$ 199,90 pela versão 4.2.0.",
           "Entrega em Lisboa demorou 9 dias.", "Fatura 2024-3310 errada.", "O app trava no iOS 16.2."],
    "nl": ["Bestelling 993317 kwam op 02-10-2024.", "Ik betaalde € 24,95 voor versie 6.3.",
           "Levering naar Amsterdam duurde 5 dagen.", "Factuur 2024-4471 klopt niet.", "De app crasht op Android 12."],
}


# harder cases, once per language: sign-off names with no cue word, numbers typed without separators, a URL
# without scheme; and look-alikes a regex can mistake (a version that is a valid IPv4 address, a 16-digit
# order number that happens to pass the Luhn check). Detectors are expected to miss or misfire on some.
HARD = {
    "en": ["Best regards, {PERSON}", "call 4155550132 asap", "see example.com/reset?token=8sK2 for the page"],
    "de": ["Schöne Grüße, {PERSON}", "Tel. 017123456789 bitte", "siehe example.de/konto?token=Zx9 im Browser"],
    "fr": ["Cordialement, {PERSON}", "tél 0612345678 merci", "voir example.fr/compte?token=Rt5 dans le mail"],
    "es": ["Saludos, {PERSON}", "tel 612345678 gracias", "ver example.es/cuenta?token=Hy6 en el correo"],
    "it": ["Grazie, {PERSON}", "cell 3471234567 grazie", "vedi example.it/conto?token=Jk3 nella mail"],
    "pt": ["Obrigado, {PERSON}", "tel 912345678 obrigado", "ver example.pt/conta?token=Lm4 no email"],
    "nl": ["Groeten, {PERSON}", "tel 0612345678 graag", "zie example.nl/account?token=Qp8 in de mail"],
}
HARD_VALUES = {"en": "Laura Chen", "de": "Thomas Wagner", "fr": "Julien Bernard", "es": "Pablo Ruiz",
               "it": "Marco Gallo", "pt": "Tiago Souza", "nl": "Daan Smit"}
HARD_KINDS = ["PERSON", "PHONE", "URL"]
HARD_NEGATIVES = ["Firmware 10.0.0.1 broke the wifi.", "Order 4000123412341234 never shipped."]


def fill(template: str, lang: str, rng: random.Random) -> tuple[str, list[dict[str, object]]]:
    text, spans, pos = "", [], 0
    for m in re.finditer(r"\{(\w+)\}", template):
        text += template[pos:m.start()]
        kind = m.group(1)
        pool = CARDS if kind == "CARD" else IPS if kind == "IP" else VALUES[lang][kind]
        value = rng.choice(pool)
        spans.append({"kind": kind, "start": len(text), "end": len(text) + len(value)})
        text += value
        pos = m.end()
    return text + template[pos:], spans


def main() -> None:
    rng = random.Random(7)
    rows = []
    for lang, templates in TEMPLATES.items():
        for rep in range(3):  # every template three times, with other values
            for k, tpl in enumerate(templates):
                text, spans = fill(tpl, lang, rng)
                rows.append({"id": f"{lang}-{rep}-{k:02d}", "lang": lang, "text": text, "spans": spans})
        for k, text in enumerate(NEGATIVES[lang]):
            rows.append({"id": f"{lang}-neg-{k}", "lang": lang, "text": text, "spans": []})
        for k, (tpl, kind) in enumerate(zip(HARD[lang], HARD_KINDS)):
            if "{PERSON}" in tpl:
                value = HARD_VALUES[lang]
                start = tpl.index("{PERSON}")
                text, spans = tpl.replace("{PERSON}", value), [{"kind": kind, "start": start, "end": start + len(value)}]
            else:
                m = re.search(r"\d{9,}" if kind == "PHONE" else r"example\.\w+/\S+", tpl)
                text, spans = tpl, [{"kind": kind, "start": m.start(), "end": m.end()}]
            rows.append({"id": f"{lang}-hard-{k}", "lang": lang, "text": text, "spans": spans})
    for k, text in enumerate(HARD_NEGATIVES):
        rows.append({"id": f"en-hardneg-{k}", "lang": "en", "text": text, "spans": []})
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"{len(rows)} comments, {sum(len(r['spans']) for r in rows)} planted spans -> {OUT}")


if __name__ == "__main__":
    main()
