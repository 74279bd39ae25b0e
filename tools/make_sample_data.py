"""Write src/vocnlp/data/sample_feedback.csv: the demo's feedback set, written for this project.

Every phrase below was written for vocnlp (no external text). A seeded generator combines them into
survey comments with an NPS score, a date over six quarters, a channel and a segment, so the demo
and the later driver analysis have a known signal: each theme moves the score by a set amount
(THEME_EFFECT), delivery complaints grow over time, and some comments mix praise and complaint.

Run: python tools/make_sample_data.py
"""

from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "vocnlp" / "data" / "sample_feedback.csv"

# theme -> language -> (negative phrases, positive phrases)
P: dict[str, dict[str, tuple[list[str], list[str]]]] = {
    "delivery": {
        "en": (["The parcel arrived a week late and nobody told me why.", "Delivery took forever, tracking never updated.",
                "Courier left the box in the rain."], ["Delivery was quick, it came the next day.", "Fast shipping and well packed."]),
        "de": (["Das Paket kam eine Woche zu spät.", "Die Lieferung hat ewig gedauert und die Sendungsverfolgung stimmte nicht."],
               ["Die Lieferung war super schnell.", "Schneller Versand, gut verpackt."]),
        "fr": (["Le colis est arrivé avec dix jours de retard.", "La livraison a pris une éternité, aucun suivi."],
               ["Livraison rapide, reçu le lendemain.", "Colis bien emballé et livré à temps."]),
        "es": (["El paquete llegó una semana tarde.", "La entrega tardó muchísimo y el seguimiento no funcionaba."],
               ["La entrega fue rapidísima.", "Envío rápido y bien embalado."]),
        "pl": (["Paczka przyszła tydzień po terminie.", "Dostawa trwała wieki, a śledzenie przesyłki nie działało."],
               ["Dostawa bardzo szybka, paczka następnego dnia.", "Szybka wysyłka i dobrze zapakowane."]),
        "ru": (["Посылка пришла на неделю позже срока.", "Доставка заняла целую вечность, трекинг не обновлялся."],
               ["Доставка очень быстрая, всё пришло на следующий день.", "Быстро доставили, хорошо упаковано."]),
        "sv": (["Paketet kom en vecka för sent.", "Leveransen tog evigheter och spårningen fungerade inte."],
               ["Snabb leverans, kom dagen efter.", "Snabb frakt och bra förpackat."]),
        "zh": (["包裹晚到了整整一周。", "送货太慢了，物流信息一直不更新。"], ["发货很快，第二天就到了。", "物流速度快，包装很好。"]),
        "fa": (["بسته یک هفته دیرتر رسید.", "ارسال خیلی طول کشید و پیگیری مرسوله کار نمی‌کرد."],
               ["ارسال خیلی سریع بود، فردا رسید.", "بسته‌بندی خوب و ارسال سریع."]),
    },
    "billing": {
        "en": (["I was charged twice this month and still waiting for the refund.", "My bill is wrong again, extra fees I never agreed to."],
               ["Billing is clear and easy to understand.", "The invoice was correct and the refund came fast."]),
        "de": (["Mir wurde doppelt abgebucht und die Erstattung fehlt noch.", "Die Rechnung ist schon wieder falsch."],
               ["Die Rechnung ist klar und verständlich.", "Erstattung kam sofort."]),
        "fr": (["J'ai été prélevé deux fois et j'attends toujours le remboursement.", "Ma facture est encore fausse, des frais inconnus."],
               ["Facturation claire et simple.", "Remboursement reçu très vite."]),
        "es": (["Me cobraron dos veces y sigo esperando el reembolso.", "La factura vuelve a estar mal, con cargos que no acepté."],
               ["La facturación es clara.", "El reembolso llegó enseguida."]),
        "pl": (["Pobrano mi opłatę dwa razy i nadal czekam na zwrot.", "Faktura znowu jest błędna, dodatkowe opłaty."],
               ["Rachunki są jasne i czytelne.", "Zwrot pieniędzy przyszedł szybko."]),
        "ru": (["С меня списали деньги дважды, возврата до сих пор нет.", "В счёте опять ошибка и лишние платежи."],
               ["Счета понятные и прозрачные.", "Деньги вернули очень быстро."]),
        "sv": (["Jag blev debiterad två gånger och väntar fortfarande på återbetalningen.", "Fakturan är fel igen."],
               ["Tydlig och enkel fakturering.", "Återbetalningen kom direkt."]),
        "zh": (["这个月被重复扣费，退款还没到账。", "账单又错了，多收了我不知道的费用。"], ["账单清楚明白。", "退款很快就到账了。"]),
        "fa": (["دو بار از حسابم پول کم شد و هنوز منتظر بازپرداخت هستم.", "صورتحساب دوباره اشتباه است."],
               ["صورتحساب واضح و ساده است.", "بازپرداخت خیلی سریع انجام شد."]),
    },
    "app": {
        "en": (["The app crashes every time I open my account.", "App keeps logging me out, login is broken after the update."],
               ["The new app is smooth and easy to use.", "Love the app, everything is one tap away."]),
        "de": (["Die App stürzt ständig ab.", "Nach dem Update kann ich mich in der App nicht mehr anmelden."],
               ["Die App ist übersichtlich und schnell.", "Tolle App, sehr einfach zu bedienen."]),
        "fr": (["L'application plante à chaque ouverture.", "Impossible de me connecter à l'appli depuis la mise à jour."],
               ["L'application est fluide et pratique.", "Appli très simple à utiliser."]),
        "es": (["La aplicación se cierra sola todo el rato.", "Desde la actualización no puedo iniciar sesión en la app."],
               ["La app es rápida y fácil de usar.", "Me encanta la aplicación."]),
        "pl": (["Aplikacja ciągle się zawiesza.", "Po aktualizacji nie mogę się zalogować do aplikacji."],
               ["Aplikacja działa płynnie i jest intuicyjna.", "Świetna aplikacja, wszystko pod ręką."]),
        "ru": (["Приложение постоянно вылетает.", "После обновления не могу войти в приложение."],
               ["Приложение удобное и быстрое.", "Отличное приложение, всё понятно."]),
        "sv": (["Appen kraschar hela tiden.", "Efter uppdateringen kan jag inte logga in i appen."],
               ["Appen är smidig och lätt att använda.", "Bra app, allt går snabbt."]),
        "zh": (["应用一打开就闪退。", "更新以后APP登录不了了。"], ["新版应用很流畅，操作简单。", "这个APP用起来很方便。"]),
        "fa": (["برنامه مدام بسته می‌شود.", "بعد از به‌روزرسانی نمی‌توانم وارد برنامه شوم."],
               ["برنامه روان و کار با آن آسان است.", "اپلیکیشن عالی و ساده است."]),
    },
    "support": {
        "en": (["I waited 45 minutes on hold and then the call dropped.", "Support never answered my emails, three tickets and nothing."],
               ["The support agent was friendly and fixed it in minutes.", "Great customer service, Anna was really helpful."]),
        "de": (["Ich hing 40 Minuten in der Warteschleife.", "Der Kundendienst antwortet nicht auf meine E-Mails."],
               ["Der Kundenservice war freundlich und hat sofort geholfen.", "Sehr kompetente Beratung am Telefon."]),
        "fr": (["J'ai attendu 40 minutes au téléphone pour rien.", "Le service client ne répond jamais à mes mails."],
               ["Le conseiller était très aimable et efficace.", "Service client au top, problème réglé."]),
        "es": (["Estuve 40 minutos en espera y nadie me atendió.", "Atención al cliente nunca responde a mis correos."],
               ["El agente fue muy amable y lo resolvió enseguida.", "Excelente atención al cliente."]),
        "pl": (["Czekałem 40 minut na infolinii i nikt nie odebrał.", "Obsługa klienta nie odpowiada na maile."],
               ["Konsultant był bardzo miły i szybko pomógł.", "Świetna obsługa klienta."]),
        "ru": (["Я ждал на линии сорок минут, никто не ответил.", "Служба поддержки не отвечает на письма."],
               ["Оператор был вежлив и быстро всё решил.", "Отличная служба поддержки."]),
        "sv": (["Jag väntade i telefonkö i 40 minuter.", "Kundtjänst svarar aldrig på mina mejl."],
               ["Kundtjänst var trevlig och löste det direkt.", "Mycket hjälpsam personal i kundservice."]),
        "zh": (["打客服电话等了四十分钟没人接。", "客服从来不回复邮件。"], ["客服态度很好，很快就解决了问题。", "售后服务非常专业。"]),
        "fa": (["چهل دقیقه پشت خط منتظر ماندم.", "پشتیبانی به ایمیل‌هایم جواب نمی‌دهد."],
               ["پشتیبانی خیلی مودب بود و سریع مشکل را حل کرد.", "خدمات مشتری عالی است."]),
    },
    "price": {
        "en": (["Too expensive for what you get.", "The price went up again without any warning."],
               ["Good value for money.", "Fair price compared to the others."]),
        "de": (["Viel zu teuer für die Leistung.", "Der Preis wurde schon wieder erhöht."],
               ["Gutes Preis-Leistungs-Verhältnis.", "Fairer Preis."]),
        "fr": (["Beaucoup trop cher pour ce que c'est.", "Encore une augmentation de prix sans prévenir."],
               ["Bon rapport qualité-prix.", "Prix correct."]),
        "es": (["Demasiado caro para lo que ofrece.", "Han vuelto a subir el precio sin avisar."],
               ["Buena relación calidad-precio.", "Precio justo."]),
        "pl": (["Za drogo jak na to, co oferują.", "Znowu podnieśli cenę bez uprzedzenia."],
               ["Dobry stosunek jakości do ceny.", "Uczciwa cena."]),
        "ru": (["Слишком дорого за такое качество.", "Цены опять подняли без предупреждения."],
               ["Хорошее соотношение цены и качества.", "Цена адекватная."]),
        "sv": (["Alldeles för dyrt för vad man får.", "Priset har höjts igen utan förvarning."],
               ["Prisvärt.", "Rimligt pris jämfört med andra."]),
        "zh": (["价格太贵了，不值这个钱。", "又涨价了，也没有提前通知。"], ["性价比很高。", "价格很公道。"]),
        "fa": (["نسبت به کیفیت خیلی گران است.", "دوباره بدون اطلاع قیمت را بالا بردند."],
               ["ارزش خرید دارد.", "قیمت منصفانه است."]),
    },
    "quality": {
        "en": (["The product broke after two weeks.", "Cheap materials, the screen scratched on day one."],
               ["Excellent build quality, feels solid.", "The product works perfectly, exactly as described."]),
        "de": (["Das Produkt war nach zwei Wochen kaputt.", "Billige Verarbeitung, leider enttäuschend."],
               ["Sehr gute Qualität, wirkt hochwertig.", "Funktioniert einwandfrei."]),
        "fr": (["Le produit est tombé en panne au bout de deux semaines.", "Qualité médiocre, matériaux bon marché."],
               ["Produit de très bonne qualité.", "Fonctionne parfaitement."]),
        "es": (["El producto se rompió a las dos semanas.", "Materiales baratos, calidad muy mala."],
               ["Calidad excelente, muy resistente.", "Funciona perfectamente."]),
        "pl": (["Produkt zepsuł się po dwóch tygodniach.", "Tanie materiały, jakość słaba."],
               ["Bardzo dobra jakość wykonania.", "Wszystko działa bez zarzutu."]),
        "ru": (["Товар сломался через две недели.", "Качество ужасное, дешёвые материалы."],
               ["Качество отличное, всё сделано надёжно.", "Работает идеально."]),
        "sv": (["Produkten gick sönder efter två veckor.", "Dålig kvalitet, billiga material."],
               ["Mycket bra kvalitet.", "Fungerar perfekt."]),
        "zh": (["产品用了两周就坏了。", "做工粗糙，质量很差。"], ["质量非常好，做工扎实。", "产品很好用，和描述一致。"]),
        "fa": (["محصول بعد از دو هفته خراب شد.", "کیفیت پایین و جنس بی‌کیفیت."],
               ["کیفیت ساخت عالی است.", "محصول کاملاً درست کار می‌کند."]),
    },
}

# but-connectors for mixed comments, and one/two-word answers
BUT = {"en": " but ", "de": ", aber ", "fr": ", mais ", "es": ", pero ", "pl": ", ale ", "ru": ", но ", "sv": ", men ",
       "zh": "，但是", "fa": " ولی "}
SHORT = {
    "en": (["Terrible", "Awful service", "Not happy"], ["Great", "Excellent!", "Very good", "Love it"]),
    "de": (["Schlecht", "Enttäuschend"], ["Super", "Alles bestens", "Sehr zufrieden"]),
    "fr": (["Nul", "Très déçu"], ["Parfait", "Très satisfait"]),
    "es": (["Fatal", "Muy mal"], ["Genial", "Todo perfecto"]),
    "pl": (["Tragedia", "Jestem rozczarowany"], ["Super", "Wszystko w porządku"]),
    "ru": (["Ужасно", "Очень плохо"], ["Отлично", "Всё супер"]),
    "sv": (["Dåligt", "Mycket missnöjd"], ["Toppen", "Mycket nöjd"]),
    "zh": (["太差了", "很失望"], ["很好", "非常满意"]),
    "fa": (["افتضاح", "خیلی بد"], ["عالی", "خیلی راضی هستم"]),
}
ROWS_PER_LANG = {"en": 90, "de": 50, "fr": 45, "es": 45, "pl": 45, "ru": 45, "sv": 40, "zh": 45, "fa": 40}
# NPS effect of a theme: (when complained about, when praised)
THEME_EFFECT = {"delivery": (-3.0, 0.8), "billing": (-4.0, 0.5), "app": (-2.0, 0.8), "support": (-3.5, 1.5),
                "price": (-1.5, 0.5), "quality": (-2.5, 1.0)}
QUARTERS = [dt.date(2025, 1, 1), dt.date(2025, 4, 1), dt.date(2025, 7, 1), dt.date(2025, 10, 1),
            dt.date(2026, 1, 1), dt.date(2026, 4, 1)]


def main(seed: int = 7) -> None:
    rng = random.Random(seed)
    rows = []
    themes = list(P)
    for lang, n in ROWS_PER_LANG.items():
        for _ in range(n):
            q = rng.randrange(len(QUARTERS))
            date = QUARTERS[q] + dt.timedelta(days=rng.randrange(0, 90))
            r = rng.random()
            score = 8.0 + rng.gauss(0, 1.0)
            if r < 0.12:  # one- or two-word answer
                neg = rng.random() < 0.4
                text = rng.choice(SHORT[lang][0 if neg else 1])
                score += -5 if neg else 1.5
                tags = []
            else:
                k = 1 if r < 0.7 else 2
                picked = rng.sample(themes, k)
                # delivery complaints grow over the quarters (an emerging theme)
                if "delivery" not in picked and rng.random() < 0.08 * q:
                    picked[-1] = "delivery"
                parts, tags = [], []
                mixed = k == 2 and rng.random() < 0.5
                for j, theme in enumerate(picked):
                    neg = (j == 1) if mixed else rng.random() < (0.55 if theme != "delivery" else 0.45 + 0.08 * q)
                    phrase = rng.choice(P[theme][lang][0 if neg else 1])
                    parts.append(phrase)
                    tags.append(f"{theme}:{'neg' if neg else 'pos'}")
                    score += THEME_EFFECT[theme][0 if neg else 1]
                if mixed:
                    first = parts[0].rstrip(".!。")
                    second = parts[1]
                    if lang not in ("zh", "de", "fa"):
                        second = second[0].lower() + second[1:]
                    text = first + BUT[lang] + second
                else:
                    text = (" " if lang != "zh" else "").join(parts)
            rows.append({"lang": lang, "text": text, "nps": int(min(10, max(0, round(score)))), "date": date.isoformat(),
                         "tags": "|".join(tags)})
    # rows with nothing to analyse: empty, whitespace, emoji only, digits
    for text in ["", "   ", "👍👍", "😡", "🙂", "10", "n/a", ""]:
        d = QUARTERS[rng.randrange(len(QUARTERS))] + dt.timedelta(days=rng.randrange(0, 90))
        rows.append({"lang": "und", "text": text, "nps": rng.choice([3, 9, 10, 6]), "date": d.isoformat(), "tags": ""})
    rng.shuffle(rows)
    channels = ["web", "app", "email", "phone"]
    segments = ["consumer", "small_business", "enterprise"]
    with OUT.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "comment", "nps", "date", "channel", "segment", "lang_written", "themes_written"])
        for i, row in enumerate(rows, 1):
            w.writerow([f"c{i:04d}", row["text"], row["nps"], row["date"], rng.choice(channels), rng.choice(segments),
                        row["lang"], row["tags"]])
    print(f"wrote {len(rows)} rows to {OUT}")


if __name__ == "__main__":
    main()
