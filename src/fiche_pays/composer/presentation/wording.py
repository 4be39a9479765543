"""How each figure of a presentation fiche is worded.

One function per kind of value, used by the fact lines and by the names prose refers to
({population}, {pib}…), so that a line and a sentence never disagree. Values keep the
precision they were typed with; a country's population of a million or more typed in
inhabitants is worded in millions ("18,9 millions d'habitants"), the exact figure staying
in the data; a city's is worded exactly ("1 136 000 habitants"), as the pages give it.
Plain apostrophes here; the composer applies French typography to whole lines.
"""

from __future__ import annotations

from ...french import NBSP, Units, month_year, ordinal
from ...french import number as _french_number
from ...model.figures import (
    Area,
    Balance,
    Dated,
    Debt,
    Density,
    Figure,
    Inflation,
    LifeExpectancy,
    Money,
    PerCapita,
    Population,
    Ranking,
    Rate,
    Share,
    ShareItem,
    ShareList,
    typed_decimals,
)
from ...model.presentation import Currency, NationalDay


def number(value: float, decimals: int | None = None) -> str:
    """A number with the decimals it was typed with, or those asked for."""
    return _french_number(value, typed_decimals(value) if decimals is None else decimals)


def signed(text: str, value: float) -> str:
    """ "+4,9" for a positive balance; negative numbers carry their sign already."""
    return f"+{text}" if value > 0 else text


def _decimals(figure: Figure, value: float) -> int:
    return typed_decimals(value) if figure.decimals is None else figure.decimals


def _approx(figure: Figure | ShareItem, text: str) -> str:
    return f"{figure.approximation} {text}" if figure.approximation else text


def _millions_word(value: float) -> str:
    # French: "1,9 million", "2 millions" (plural from 2 on).
    return "million" if abs(value) < 2 else "millions"


def inhabitants(population: Population, exact: bool = False) -> str:
    """ "18,9 millions d'habitants", "107 122 habitants", "environ 25 000 habitants";
    ``exact`` keeps a number typed in inhabitants whole: "1 136 000 habitants"."""
    if population.unit == "millions":
        value = population.value
        text = f"{number(value, _decimals(population, value))} {_millions_word(value)} d'habitants"
    elif population.persons >= 1_000_000 and not exact:
        value = population.persons / 1_000_000
        if population.decimals is None:
            # Three significant digits: 1,14 million ; 18,9 millions ; 142 millions.
            shown = _french_number(value, max(0, 3 - len(str(int(value)))))
            shown = shown.rstrip("0").rstrip(",") if "," in shown else shown
        else:
            shown = _french_number(value, population.decimals)
        text = f"{shown} {_millions_word(value)} d'habitants"
    else:
        text = f"{number(population.persons, 0)}{NBSP}habitants"
    return _approx(population, text)


def percent(value: float, decimals: int | None = None, with_sign: bool = False) -> str:
    """ "59 %", "1,37 %", "+4,9 %"."""
    text = number(value, decimals) + NBSP + "%"
    return signed(text, value) if with_sign else text


def share(figure: Figure) -> str:
    """A percentage figure as typed: "99,5 %"."""
    value = figure.value  # type: ignore[attr-defined]
    return _approx(figure, percent(value, _decimals(figure, value)))


def money(amount: Money, units: Units, with_sign: bool = False) -> str:
    """ "9,4 Md USD", "183 M EUR"; the unit labels are the template's."""
    label = units.billion if amount.unit == "Md" else units.million
    text = number(amount.value, _decimals(amount, amount.value))
    text = signed(text, amount.value) if with_sign else text
    return _approx(amount, f"{text}{NBSP}{label}{NBSP}{units.currency_label(amount.currency)}")


def per_capita(figure: PerCapita, units: Units) -> str:
    """ "842 USD"."""
    text = number(figure.value, _decimals(figure, figure.value))
    return _approx(figure, f"{text}{NBSP}{units.currency_label(figure.currency)}")


def derived_per_capita(value: float, currency: str, units: Units) -> str:
    """A computed GDP per capita, to the unit: "817 USD"."""
    return f"{_french_number(value)}{NBSP}{units.currency_label(currency)}"


def balance(figure: Balance, units: Units) -> str:
    """ "-2,8 % du PIB", "+40 Md USD"."""
    if figure.unit == "% du PIB":
        return _approx(figure, percent(figure.value, _decimals(figure, figure.value), True)) + (
            " du PIB"
        )
    label = units.billion if figure.unit == "Md" else units.million
    text = signed(number(figure.value, _decimals(figure, figure.value)), figure.value)
    return _approx(figure, f"{text}{NBSP}{label}{NBSP}{units.currency_label(figure.currency)}")


def density(value: float, decimals: int | None = None) -> str:
    """ "6,9 hab./km²": a computed density gets one decimal below 100, none above."""
    if decimals is None:
        decimals = 1 if value < 100 else 0
    return f"{_french_number(value, decimals)}{NBSP}hab./km²"


def area(figure: Area) -> str:
    """ "749 km² répartis sur plus de 170 îles"."""
    text = f"{number(figure.value, _decimals(figure, figure.value))}{NBSP}km²"
    if figure.islands:
        islands = f"{_french_number(figure.islands.count)}{NBSP}îles"
        if figure.islands.approximation:
            islands = f"{figure.islands.approximation} {islands}"
        text += f" répartis sur {islands}"
    return _approx(figure, text)


def years(value: float, decimals: int | None = None) -> str:
    """ "73,18 ans"."""
    return f"{number(value, decimals)}{NBSP}ans"


def life_expectancy(figure: LifeExpectancy) -> tuple[str, list[str]]:
    """The value and its details: "73,18 ans", ["femmes : 77,3 ans", "hommes : 68,82 ans"]."""
    details = [
        f"{who} : {years(value)}"
        for who, value in (("femmes", figure.women), ("hommes", figure.men))
        if value is not None
    ]
    return _approx(figure, years(figure.value, _decimals(figure, figure.value))), details


def rank(ranking: Ranking) -> str:
    """ "140e sur 189 pays", or "99e rang mondial" when the page gives no "out of"."""
    if ranking.out_of is not None:
        return f"{ordinal(ranking.rank)} sur {_french_number(ranking.out_of)} pays"
    return f"{ordinal(ranking.rank)} rang mondial"


def ranking(figure: Ranking) -> tuple[str, list[str]]:
    """ "0,62" with ["140e sur 189 pays"]; a rank alone is the value."""
    if figure.value is None:
        return rank(figure), []
    value = number(figure.value)
    return value, [rank(figure)] if figure.rank is not None else []


def share_item(item: ShareItem, shares: ShareList, units: Units) -> str:
    """ "orthodoxie (26 %)", "Mormons (17 % ; taux le plus élevé dans le monde)",
    "chrétiens (83 %, dont presbytériens 32 %, catholiques 13 %)", "Chine (16,4 M USD)"."""
    figure = share_value(item, shares, units)
    if item.parts:
        parts = "dont " + ", ".join(_sub_item(p, shares, units) for p in item.parts)
        figure = f"{figure}, {parts}" if figure else parts
    details = [d for d in (figure, item.note) if d]
    return f"{item.name} ({' ; '.join(details)})" if details else item.name


def _sub_item(item: ShareItem, shares: ShareList, units: Units) -> str:
    figure = share_value(item, shares, units)
    text = f"{item.name} {figure}" if figure else item.name
    return f"{text} ({item.note})" if item.note else text


def share_value(item: ShareItem, shares: ShareList, units: Units) -> str:
    """An item's share (« 15 % », « 1 à 2 % ») or amount (« 16,4 M USD »), or nothing."""
    if item.share is not None:
        if item.share_max is not None:
            text = f"{number(item.share)} à {percent(item.share_max)}"
        else:
            text = percent(item.share)
        return _approx(item, text)
    if item.amount is not None and shares.unit and shares.currency:
        label = units.billion if shares.unit == "Md" else units.million
        text = f"{number(item.amount)}{NBSP}{label}{NBSP}{units.currency_label(shares.currency)}"
        return _approx(item, text)
    return ""


def share_list(shares: ShareList, units: Units) -> str:
    """The items of a list of shares, as typed, separated by commas."""
    return ", ".join(share_item(item, shares, units) for item in shares.items)


def national_day(day: NationalDay) -> str:
    """ "1er août (proclamation de l'indépendance en 1960)", "du 10 au 12 juillet (« Naadam »)"."""
    month = month_year(day.month, 2000).rsplit(" ", 1)[0]  # Babel's month name
    first = "1er" if day.day == 1 else str(day.day)
    text = f"du {first} au {day.last_day} {month}" if day.last_day else f"{first} {month}"
    return f"{text} ({day.occasion})" if day.occasion else text


def _euros(value: float, decimals: int | None) -> str:
    return f"{number(value, decimals)}{NBSP}{'euro' if value < 2 else 'euros'}"


def exchange_rate(currency: Currency) -> str:
    """ "1 euro = 516 Tengués en avril 2021", "100 FCFA = 0,15 euro"."""
    rate = currency.rate
    if rate is None:
        return ""
    singular = currency.unit or currency.name
    decimals = rate.decimals
    local = f"{number(rate.local, None if rate.local == 1 else decimals)}{NBSP}"
    local += singular if rate.local < 2 else (currency.unit_plural or singular)
    if rate.euros == 1:
        text = f"{_euros(1, None)} = {local}"
    else:
        text = f"{local} = {_euros(rate.euros, decimals)}"
    if rate.date:
        text += f" au {rate.date.text()}" if rate.date.day else f" en {rate.date.text()}"
    return text


def currency(value: Currency) -> tuple[str, list[str]]:
    """The currency's name, and its code and rate as details."""
    details = [d for d in (value.code, exchange_rate(value)) if d]
    if value.rate and value.rate.source:
        details.append(f"source : {value.rate.source}")
    return value.name, details


def dated_label(label: str, figure: Dated | None) -> str:
    """ "Population (2021)"; a label without a date stays as it is."""
    if figure is None or figure.date is None:
        return label
    return f"{label} ({figure.date.text()})"


def value(figure: Figure, units: Units) -> str:
    """The worded value of any single figure, without its details."""
    match figure:
        case Population():
            return inhabitants(figure)
        case Money():
            return money(figure, units)
        case PerCapita():
            return per_capita(figure, units)
        case Balance():
            return balance(figure, units)
        case Debt():
            return f"{share(figure)} du PIB"
        case LifeExpectancy():
            return _approx(figure, years(figure.value, _decimals(figure, figure.value)))
        case Area():
            return area(figure)
        case Density():
            return density(figure.value, _decimals(figure, figure.value))
        case Share() | Rate() | Inflation():
            return share(figure)
        case _:
            raise TypeError(f"figure sans formulation : {type(figure).__name__}")


def earlier(figure: Figure, units: Units) -> list[str]:
    """ "7 500 USD en 2016" for each earlier value; its source if not the figure's."""
    texts = []
    for old in figure.earlier:
        text = value(figure.model_copy(update={"value": old.value, "decimals": None}), units)
        text += f" en {old.date.text()}"
        if old.source and old.source != figure.source:
            text += f", source : {old.source}"
        texts.append(text)
    return texts


def with_details(value: str, details: list[str], source: str | None) -> str:
    """The value, then its details and source in one pair of parentheses:
    "9,4 Md USD (FMI)", "0,62 (140e sur 189 pays ; source : Banque mondiale)"."""
    details = [d for d in details if d]
    if source:
        details.append(f"source : {source}" if details or value.endswith(")") else source)
    return f"{value} ({' ; '.join(details)})" if details else value
