/**
 * Industry labels in other languages → the English label our tables already know (industry.ts). LinkedIn shows
 * its industry names in the viewer's language ("Softwareentwicklung", "Servicios de publicidad"), and Salesforce
 * translates its standard Industry picklist ("Maschinenbau"). Translating to an English label, rather than to a
 * canonical target directly, keeps one source of truth for where each industry lands in the taxonomy.
 *
 * To add a language or a label: add a column or a string. `en` must be a label normaliseIndustry() reads (a
 * canonical name, a LinkedIn V1 name, a Salesforce picklist value…); a test checks every row resolves.
 * Matching ignores case, accents, punctuation and hyphens ("Fracht- und Pakettransport" = "fracht und
 * pakettransport"), so list each spelling once.
 */
export interface IndustryTranslation {
  /** An English label known to industry.ts. */
  en: string;
  de?: readonly string[];
  fr?: readonly string[];
  es?: readonly string[];
}

/**
 * LinkedIn's industry names in German, French and Spanish: the 2022+ (V2) names, plus the older (V1) names
 * still shown on some pages and exports. Top-level industries first, then sub-industries by parent.
 */
export const LINKEDIN_INDUSTRY_TRANSLATIONS: readonly IndustryTranslation[] = [
  // --- Top-level industries -------------------------------------------------------------------------------
  { en: 'Software Development', de: ['Softwareentwicklung'], fr: ['Développement de logiciels'], es: ['Desarrollo de software'] },
  {
    en: 'IT Services and IT Consulting',
    de: ['IT-Dienstleistungen und IT-Beratung'],
    fr: ['Services et conseil en informatique'],
    es: ['Servicios y consultoría de TI', 'Servicios y consultoría de tecnologías de la información'],
  },
  {
    en: 'Technology, Information and Internet',
    de: ['Technologie, Information und Internet'],
    fr: ['Technologie, information et Internet'],
    es: ['Tecnología, información e internet'],
  },
  {
    en: 'Technology, Information and Media',
    de: ['Technologie, Information und Medien'],
    fr: ['Technologie, information et médias'],
    es: ['Tecnología, información y medios de comunicación'],
  },
  { en: 'Telecommunications', de: ['Telekommunikation'], fr: ['Télécommunications'], es: ['Telecomunicaciones'] },
  {
    en: 'Media and Entertainment',
    de: ['Medien und Unterhaltung', 'Medien'],
    fr: ['Médias et divertissement', 'Médias'],
    es: ['Medios de comunicación y entretenimiento', 'Medios de comunicación'],
  },
  { en: 'Entertainment', de: ['Unterhaltung'], fr: ['Divertissement'], es: ['Entretenimiento'] },
  { en: 'Financial Services', de: ['Finanzdienstleistungen'], fr: ['Services financiers'], es: ['Servicios financieros'] },
  {
    en: 'Hospitals and Health Care',
    de: ['Krankenhäuser und Gesundheitswesen', 'Krankenhaus- und Gesundheitswesen', 'Gesundheitswesen'],
    fr: ['Hôpitaux et services de santé', 'Hôpitaux et soins de santé', 'Soins de santé'],
    es: ['Hospitales y atención sanitaria', 'Hospitales y salud', 'Atención sanitaria'],
  },
  { en: 'Manufacturing', de: ['Fertigung', 'Herstellung', 'Produktion'], fr: ['Fabrication', 'Industrie manufacturière'], es: ['Fabricación', 'Manufactura'] },
  { en: 'Retail', de: ['Einzelhandel'], fr: ['Commerce de détail', 'Vente au détail'], es: ['Venta al por menor', 'Comercio minorista'] },
  { en: 'Wholesale', de: ['Großhandel'], fr: ['Commerce de gros'], es: ['Venta al por mayor', 'Comercio al por mayor', 'Comercio mayorista'] },
  { en: 'Education', de: ['Bildung', 'Bildungswesen'], fr: ['Enseignement', 'Éducation'], es: ['Educación', 'Enseñanza'] },
  {
    en: 'Government Administration',
    de: ['Öffentliche Verwaltung', 'Behördenverwaltung'],
    fr: ['Administration publique', 'Administration gouvernementale'],
    es: ['Administración gubernamental', 'Administración pública'],
  },
  { en: 'Professional Services', de: ['Professionelle Dienstleistungen', 'Freiberufliche Dienstleistungen'], fr: ['Services professionnels'], es: ['Servicios profesionales'] },
  {
    en: 'Administrative and Support Services',
    de: ['Verwaltungs- und Supportdienstleistungen', 'Verwaltungs- und Unterstützungsdienstleistungen'],
    fr: ['Services administratifs et de soutien'],
    es: ['Servicios administrativos y de apoyo'],
  },
  { en: 'Real Estate', de: ['Immobilien', 'Immobilienwesen'], fr: ['Immobilier'], es: ['Sector inmobiliario', 'Bienes inmobiliarios', 'Inmobiliario'] },
  {
    en: 'Real Estate and Equipment Rental Services',
    de: ['Immobilien und Gerätevermietung'],
    fr: ['Services immobiliers et de location d’équipement'],
    es: ['Servicios inmobiliarios y de alquiler de equipos'],
  },
  { en: 'Construction', de: ['Bauwesen', 'Baugewerbe', 'Bau'], fr: ['Construction', 'BTP'], es: ['Construcción'] },
  {
    en: 'Transportation, Logistics, Supply Chain and Storage',
    de: ['Transport, Logistik, Lieferkette und Lagerung', 'Transport, Logistik, Supply Chain und Lagerung'],
    fr: ['Transport, logistique, chaîne logistique et stockage', 'Transports, logistique, chaîne d’approvisionnement et stockage'],
    es: ['Transporte, logística, cadena de suministro y almacenamiento'],
  },
  { en: 'Utilities', de: ['Versorgungsunternehmen', 'Versorgungswirtschaft'], fr: ['Services publics', 'Services d’utilité publique'], es: ['Servicios públicos', 'Suministros'] },
  { en: 'Oil, Gas, and Mining', de: ['Öl, Gas und Bergbau'], fr: ['Pétrole, gaz et exploitation minière'], es: ['Petróleo, gas y minería'] },
  { en: 'Accommodation Services', de: ['Beherbergung', 'Unterkunftsdienstleistungen'], fr: ['Hébergement', 'Services d’hébergement'], es: ['Servicios de alojamiento', 'Alojamiento'] },
  { en: 'Consumer Services', de: ['Verbraucherdienstleistungen'], fr: ['Services aux consommateurs'], es: ['Servicios al consumidor'] },
  {
    en: 'Farming, Ranching, Forestry',
    // "Landwirtschaft" / "Agriculture" / "Agricultura" stay top-level: Salesforce's "Agriculture" is this broad.
    de: ['Landwirtschaft, Viehzucht und Forstwirtschaft', 'Land- und Forstwirtschaft', 'Landwirtschaft'],
    fr: ['Agriculture, élevage et sylviculture', 'Agriculture'],
    es: ['Agricultura, ganadería y silvicultura', 'Agricultura'],
  },
  {
    en: 'Non-profit Organizations',
    de: ['Gemeinnützige Organisationen', 'Non-Profit-Organisationen'],
    fr: ['Organisations à but non lucratif', 'Organismes à but non lucratif'],
    es: ['Organizaciones sin ánimo de lucro', 'Organizaciones sin fines de lucro'],
  },
  { en: 'Holding Companies', de: ['Holdinggesellschaften'], fr: ['Sociétés de holding', 'Holdings'], es: ['Sociedades de cartera', 'Holdings'] },

  // --- Software, IT, internet -----------------------------------------------------------------------------
  { en: 'Computer Games', de: ['Computerspiele'], fr: ['Jeux vidéo', 'Jeux informatiques'], es: ['Videojuegos', 'Juegos de ordenador'] },
  { en: 'Mobile Gaming Apps', de: ['Mobile Gaming-Apps', 'Mobile Spiele-Apps'], fr: ['Applications de jeux mobiles'], es: ['Aplicaciones de juegos para móviles'] },
  {
    en: 'Data Infrastructure and Analytics',
    de: ['Dateninfrastruktur und -analyse', 'Dateninfrastruktur und Analytik'],
    fr: ['Infrastructure et analyse de données'],
    es: ['Infraestructura y análisis de datos'],
  },
  {
    en: 'Computer and Network Security',
    de: ['Computer- und Netzwerksicherheit'],
    fr: ['Sécurité informatique et des réseaux', 'Sécurité informatique et réseaux'],
    es: ['Seguridad informática y de redes'],
  },
  { en: 'Internet Publishing', de: ['Internetveröffentlichungen', 'Online-Publishing'], fr: ['Édition sur Internet', 'Publication en ligne'], es: ['Publicaciones en internet'] },
  { en: 'Information Services', de: ['Informationsdienste', 'Informationsdienstleistungen'], fr: ['Services d’information'], es: ['Servicios de información'] },
  { en: 'Internet Marketplace Platforms', de: ['Internet-Marktplätze', 'Online-Marktplatzplattformen'], fr: ['Plateformes de places de marché en ligne'], es: ['Plataformas de mercados en línea'] },
  // V1 names
  { en: 'Computer Software', de: ['Computersoftware', 'Computer-Software'], fr: ['Logiciels informatiques', 'Logiciels'], es: ['Software', 'Software informático'] },
  {
    en: 'Information Technology & Services',
    de: ['Informationstechnologie und -dienste', 'IT und Services', 'Informationstechnologie und Services'],
    fr: ['Technologies et services de l’information'],
    es: ['Tecnología de la información y servicios', 'Servicios y tecnologías de la información'],
  },
  { en: 'Internet', de: ['Internet'], fr: ['Internet'], es: ['Internet'] },

  // --- Telecommunications ---------------------------------------------------------------------------------
  { en: 'Telecommunications Carriers', de: ['Telekommunikationsanbieter', 'Telekommunikationsunternehmen'], fr: ['Opérateurs de télécommunications'], es: ['Operadores de telecomunicaciones'] },
  { en: 'Wireless Services', de: ['Mobilfunkdienste', 'Drahtlose Dienste'], fr: ['Services sans fil'], es: ['Servicios inalámbricos'] },

  // --- Media ----------------------------------------------------------------------------------------------
  {
    en: 'Broadcast Media Production and Distribution',
    de: ['Rundfunkproduktion und -verbreitung', 'Rundfunkmedien'],
    fr: ['Production et diffusion audiovisuelles', 'Médias audiovisuels'],
    es: ['Producción y distribución de medios de difusión', 'Medios de difusión'],
  },
  {
    en: 'Book and Periodical Publishing',
    de: ['Buch- und Zeitschriftenverlage', 'Verlagswesen'],
    fr: ['Édition de livres et de périodiques', 'Édition'],
    es: ['Edición de libros y publicaciones periódicas', 'Edición'],
  },
  { en: 'Newspaper Publishing', de: ['Zeitungsverlage', 'Zeitungen'], fr: ['Édition de journaux', 'Presse écrite'], es: ['Publicación de periódicos', 'Periódicos'] },
  { en: 'Movies, Videos, and Sound', de: ['Film, Video und Ton'], fr: ['Films, vidéos et son', 'Cinéma, vidéo et son'], es: ['Películas, vídeos y sonido'] },
  { en: 'Online Audio and Video Media', de: ['Online-Audio- und -Videomedien'], fr: ['Médias audio et vidéo en ligne'], es: ['Medios de audio y vídeo en línea'] },

  // --- Financial services ---------------------------------------------------------------------------------
  { en: 'Banking', de: ['Bankwesen', 'Banken'], fr: ['Banques', 'Banque', 'Secteur bancaire'], es: ['Banca'] },
  { en: 'Insurance', de: ['Versicherungen', 'Versicherungswesen'], fr: ['Assurances', 'Assurance'], es: ['Seguros'] },
  { en: 'Credit Unions', de: ['Genossenschaftsbanken', 'Kreditgenossenschaften'], fr: ['Coopératives de crédit'], es: ['Cooperativas de crédito'] },
  { en: 'Investment Management', de: ['Vermögensverwaltung', 'Investmentmanagement'], fr: ['Gestion de placements', 'Gestion d’actifs'], es: ['Gestión de inversiones'] },
  { en: 'Investment Banking', de: ['Investmentbanking'], fr: ['Banque d’investissement', 'Banque d’affaires'], es: ['Banca de inversión'] },
  { en: 'Capital Markets', de: ['Kapitalmärkte'], fr: ['Marchés financiers', 'Marchés des capitaux'], es: ['Mercados de capital', 'Mercados de capitales'] },
  {
    en: 'Venture Capital and Private Equity Principals',
    de: ['Risikokapital und Private Equity', 'Wagniskapital und Private Equity'],
    fr: ['Capital-risque et capital-investissement'],
    es: ['Capital riesgo y capital privado', 'Capital de riesgo y capital privado'],
  },

  // --- Health care ----------------------------------------------------------------------------------------
  { en: 'Hospitals', de: ['Krankenhäuser', 'Kliniken'], fr: ['Hôpitaux'], es: ['Hospitales'] },
  { en: 'Medical Practices', de: ['Arztpraxen'], fr: ['Cabinets médicaux'], es: ['Consultas médicas', 'Consultorios médicos'] },
  { en: 'Mental Health Care', de: ['Psychische Gesundheitsversorgung'], fr: ['Soins de santé mentale'], es: ['Atención de salud mental'] },
  { en: 'Wellness and Fitness Services', de: ['Wellness und Fitness', 'Wellness- und Fitnessdienstleistungen'], fr: ['Services de bien-être et de fitness'], es: ['Servicios de bienestar y actividad física'] },

  // --- Manufacturing --------------------------------------------------------------------------------------
  { en: 'Machinery Manufacturing', de: ['Maschinenbau', 'Maschinenherstellung'], fr: ['Fabrication de machines'], es: ['Fabricación de maquinaria'] },
  { en: 'Industrial Machinery Manufacturing', de: ['Industriemaschinenbau', 'Herstellung von Industriemaschinen'], fr: ['Fabrication de machines industrielles'], es: ['Fabricación de maquinaria industrial'] },
  { en: 'Automation Machinery Manufacturing', de: ['Automatisierungsmaschinenbau', 'Herstellung von Automatisierungsmaschinen'], fr: ['Fabrication de machines d’automatisation'], es: ['Fabricación de maquinaria de automatización'] },
  { en: 'Motor Vehicle Manufacturing', de: ['Kraftfahrzeugherstellung', 'Fahrzeugbau', 'Automobilindustrie'], fr: ['Construction automobile', 'Fabrication de véhicules à moteur'], es: ['Fabricación de vehículos de motor', 'Automoción'] },
  { en: 'Pharmaceutical Manufacturing', de: ['Pharmazeutische Produktion', 'Herstellung von Arzneimitteln', 'Pharmaindustrie'], fr: ['Fabrication de produits pharmaceutiques', 'Industrie pharmaceutique'], es: ['Fabricación de productos farmacéuticos'] },
  { en: 'Medical Equipment Manufacturing', de: ['Herstellung von medizinischen Geräten', 'Medizintechnik'], fr: ['Fabrication d’équipements médicaux'], es: ['Fabricación de equipos médicos'] },
  { en: 'Chemical Manufacturing', de: ['Chemische Herstellung', 'Chemieherstellung', 'Chemische Industrie'], fr: ['Fabrication de produits chimiques', 'Industrie chimique'], es: ['Fabricación de productos químicos'] },
  { en: 'Semiconductor Manufacturing', de: ['Halbleiterherstellung', 'Halbleiter'], fr: ['Fabrication de semi-conducteurs'], es: ['Fabricación de semiconductores'] },
  { en: 'Computer Hardware Manufacturing', de: ['Herstellung von Computerhardware', 'Computerhardware'], fr: ['Fabrication de matériel informatique'], es: ['Fabricación de hardware informático'] },
  {
    en: 'Appliances, Electrical, and Electronics Manufacturing',
    de: ['Herstellung von Haushaltsgeräten, Elektro- und Elektronikgeräten', 'Elektro- und Elektronikherstellung'],
    fr: ['Fabrication d’appareils, d’équipements électriques et électroniques', 'Fabrication d’appareils électriques et électroniques'],
    es: ['Fabricación de electrodomésticos, material eléctrico y electrónico', 'Fabricación de aparatos eléctricos y electrónicos'],
  },
  {
    en: 'Food and Beverage Manufacturing',
    de: ['Nahrungsmittel- und Getränkeherstellung', 'Lebensmittel- und Getränkeherstellung', 'Lebensmittelproduktion'],
    fr: ['Fabrication de produits alimentaires et de boissons', 'Industrie agroalimentaire'],
    es: ['Fabricación de alimentos y bebidas', 'Producción de alimentos'],
  },
  {
    en: 'Aviation and Aerospace Component Manufacturing',
    de: ['Herstellung von Luft- und Raumfahrtkomponenten', 'Luft- und Raumfahrt'],
    fr: ['Fabrication de composants aéronautiques et aérospatiaux', 'Aéronautique et aérospatiale'],
    es: ['Fabricación de componentes para aviación y aeroespacial', 'Aviación y aeroespacial'],
  },
  { en: 'Defense and Space Manufacturing', de: ['Verteidigung und Raumfahrt', 'Rüstungs- und Raumfahrtindustrie'], fr: ['Défense et espace'], es: ['Defensa y espacio'] },
  { en: 'Textile Manufacturing', de: ['Textilherstellung', 'Textilindustrie'], fr: ['Fabrication de textiles', 'Industrie textile'], es: ['Fabricación textil', 'Industria textil'] },
  { en: 'Plastics Manufacturing', de: ['Kunststoffherstellung', 'Kunststoffindustrie'], fr: ['Fabrication de produits en plastique', 'Plasturgie'], es: ['Fabricación de plásticos'] },
  {
    en: 'Furniture and Home Furnishings Manufacturing',
    de: ['Herstellung von Möbeln und Einrichtungsgegenständen', 'Möbelherstellung', 'Möbel'],
    fr: ['Fabrication de meubles et d’articles d’ameublement', 'Fabrication de meubles', 'Ameublement'],
    es: ['Fabricación de muebles y artículos de decoración', 'Fabricación de muebles', 'Muebles'],
  },
  { en: 'Packaging and Containers Manufacturing', de: ['Herstellung von Verpackungen und Behältern', 'Verpackungsindustrie'], fr: ['Fabrication d’emballages et de conteneurs'], es: ['Fabricación de envases y contenedores'] },
  { en: 'Personal Care Product Manufacturing', de: ['Herstellung von Körperpflegeprodukten', 'Kosmetik'], fr: ['Fabrication de produits de soins personnels', 'Cosmétiques'], es: ['Fabricación de productos de cuidado personal', 'Cosmética'] },
  { en: 'Printing Services', de: ['Druckdienstleistungen', 'Druckereien'], fr: ['Services d’impression', 'Imprimerie'], es: ['Servicios de impresión', 'Imprenta'] },

  // --- Retail and wholesale -------------------------------------------------------------------------------
  { en: 'Online and Mail Order Retail', de: ['Online- und Versandhandel'], fr: ['Vente au détail en ligne et par correspondance', 'Vente en ligne et par correspondance'], es: ['Venta al por menor online y por correo', 'Comercio electrónico'] },
  { en: 'Retail Apparel and Fashion', de: ['Einzelhandel mit Bekleidung und Mode', 'Bekleidung und Mode'], fr: ['Vente au détail de vêtements et de mode', 'Habillement et mode'], es: ['Venta al por menor de ropa y moda', 'Ropa y moda'] },
  { en: 'Retail Groceries', de: ['Lebensmitteleinzelhandel', 'Supermärkte'], fr: ['Vente au détail de produits alimentaires', 'Supermarchés'], es: ['Venta al por menor de alimentación', 'Supermercados'] },
  { en: 'Wholesale Import and Export', de: ['Import und Export', 'Großhandel Import und Export'], fr: ['Import et export', 'Commerce de gros import-export'], es: ['Importación y exportación'] },

  // --- Education ------------------------------------------------------------------------------------------
  { en: 'Higher Education', de: ['Hochschulbildung', 'Höhere Bildung', 'Hochschulen'], fr: ['Enseignement supérieur'], es: ['Enseñanza superior', 'Educación superior'] },
  { en: 'Primary and Secondary Education', de: ['Primar- und Sekundarbildung', 'Grund- und weiterführende Schulen'], fr: ['Enseignement primaire et secondaire'], es: ['Educación primaria y secundaria'] },
  { en: 'E-Learning Providers', de: ['E-Learning-Anbieter', 'E-Learning'], fr: ['Fournisseurs de formation en ligne', 'E-learning'], es: ['Proveedores de e-learning', 'E-learning'] },
  {
    en: 'Professional Training and Coaching',
    de: ['Berufliche Weiterbildung und Coaching', 'Weiterbildung und Coaching'],
    fr: ['Formation professionnelle et coaching'],
    es: ['Formación profesional y coaching'],
  },

  // --- Professional services ------------------------------------------------------------------------------
  { en: 'Business Consulting and Services', de: ['Unternehmensberatung', 'Unternehmensberatung und -dienstleistungen'], fr: ['Services et conseil aux entreprises', 'Conseil en management'], es: ['Servicios y consultoría empresarial', 'Consultoría de gestión'] },
  { en: 'Advertising Services', de: ['Werbedienstleistungen', 'Werbung'], fr: ['Services de publicité', 'Publicité'], es: ['Servicios de publicidad', 'Publicidad'] },
  { en: 'Marketing Services', de: ['Marketingdienstleistungen', 'Marketing-Dienstleistungen'], fr: ['Services marketing', 'Services de marketing'], es: ['Servicios de marketing'] },
  { en: 'Marketing & Advertising', de: ['Marketing und Werbung'], fr: ['Marketing et publicité'], es: ['Marketing y publicidad'] },
  {
    en: 'Public Relations and Communications Services',
    de: ['PR und Kommunikation', 'Öffentlichkeitsarbeit und Kommunikation'],
    fr: ['Relations publiques et communication'],
    es: ['Servicios de relaciones públicas y comunicaciones', 'Relaciones públicas y comunicaciones'],
  },
  { en: 'Market Research', de: ['Marktforschung'], fr: ['Études de marché'], es: ['Investigación de mercado', 'Investigación de mercados'] },
  { en: 'Accounting', de: ['Buchhaltung', 'Rechnungswesen', 'Wirtschaftsprüfung'], fr: ['Comptabilité'], es: ['Contabilidad'] },
  { en: 'Legal Services', de: ['Rechtsdienstleistungen', 'Rechtsberatung'], fr: ['Services juridiques'], es: ['Servicios jurídicos', 'Servicios legales'] },
  { en: 'Law Practice', de: ['Rechtsanwaltskanzleien', 'Anwaltskanzlei'], fr: ['Cabinets d’avocats'], es: ['Despachos de abogados', 'Bufetes de abogados'] },
  { en: 'Engineering Services', de: ['Ingenieurdienstleistungen'], fr: ['Services d’ingénierie', 'Ingénierie'], es: ['Servicios de ingeniería'] },
  { en: 'Architecture and Planning', de: ['Architektur und Planung'], fr: ['Architecture et urbanisme', 'Architecture et planification'], es: ['Arquitectura y planificación', 'Arquitectura y urbanismo'] },
  { en: 'Design Services', de: ['Designdienstleistungen', 'Design'], fr: ['Services de design', 'Design'], es: ['Servicios de diseño', 'Diseño'] },
  { en: 'Graphic Design', de: ['Grafikdesign'], fr: ['Design graphique'], es: ['Diseño gráfico'] },
  { en: 'Environmental Services', de: ['Umweltdienstleistungen'], fr: ['Services environnementaux'], es: ['Servicios medioambientales'] },
  { en: 'Research Services', de: ['Forschungsdienstleistungen', 'Forschung'], fr: ['Services de recherche', 'Recherche'], es: ['Servicios de investigación', 'Investigación'] },
  { en: 'Biotechnology Research', de: ['Biotechnologische Forschung', 'Biotechnologie'], fr: ['Recherche en biotechnologie', 'Biotechnologie'], es: ['Investigación biotecnológica', 'Biotecnología'] },
  { en: 'Human Resources Services', de: ['Personaldienstleistungen', 'Personalwesen'], fr: ['Services de ressources humaines', 'Ressources humaines'], es: ['Servicios de recursos humanos', 'Recursos humanos'] },
  { en: 'Translation and Localization', de: ['Übersetzung und Lokalisierung'], fr: ['Traduction et localisation'], es: ['Traducción y localización'] },

  // --- Administrative and support services ----------------------------------------------------------------
  {
    en: 'Staffing and Recruiting',
    de: ['Personalbeschaffung', 'Personalvermittlung', 'Personalbeschaffung und -vermittlung'],
    fr: ['Recrutement et placement', 'Services de recrutement', 'Recrutement'],
    es: ['Servicios de empleo', 'Selección y contratación de personal', 'Contratación y selección de personal'],
  },
  { en: 'Outsourcing and Offshoring Consulting', de: ['Outsourcing- und Offshoring-Beratung', 'Outsourcing/Offshoring'], fr: ['Conseil en externalisation et délocalisation', 'Externalisation'], es: ['Consultoría de outsourcing y offshoring', 'Externalización'] },
  { en: 'Facilities Services', de: ['Facility Services', 'Gebäudemanagement'], fr: ['Services de gestion des installations', 'Gestion des installations'], es: ['Servicios de gestión de instalaciones'] },
  { en: 'Security and Investigations', de: ['Sicherheit und Ermittlungen'], fr: ['Sécurité et enquêtes'], es: ['Seguridad e investigaciones'] },
  { en: 'Events Services', de: ['Veranstaltungsdienstleistungen', 'Eventservices'], fr: ['Services événementiels'], es: ['Servicios de eventos'] },
  { en: 'Travel Arrangements', de: ['Reisevermittlung', 'Reisebüros'], fr: ['Organisation de voyages', 'Agences de voyage'], es: ['Organización de viajes', 'Agencias de viajes'] },

  // --- Real estate and construction -----------------------------------------------------------------------
  { en: 'Real Estate Agents and Brokers', de: ['Immobilienmakler'], fr: ['Agents et courtiers immobiliers'], es: ['Agentes y corredores inmobiliarios'] },
  { en: 'Civil Engineering', de: ['Tiefbau', 'Bauingenieurwesen'], fr: ['Génie civil'], es: ['Ingeniería civil'] },
  { en: 'Building Construction', de: ['Hochbau', 'Gebäudebau'], fr: ['Construction de bâtiments'], es: ['Construcción de edificios'] },

  // --- Transportation and logistics -----------------------------------------------------------------------
  { en: 'Freight and Package Transportation', de: ['Fracht- und Pakettransport', 'Fracht- und Paketzustellung'], fr: ['Transport de fret et de colis'], es: ['Transporte de mercancías y paquetería'] },
  { en: 'Truck Transportation', de: ['LKW-Transport', 'Straßengüterverkehr'], fr: ['Transport routier', 'Transport par camion'], es: ['Transporte por camión', 'Transporte por carretera'] },
  { en: 'Warehousing and Storage', de: ['Lagerhaltung', 'Lagerhaltung und Lagerung'], fr: ['Entreposage et stockage', 'Entreposage'], es: ['Almacenamiento', 'Almacenaje'] },
  { en: 'Airlines and Aviation', de: ['Fluggesellschaften und Luftfahrt', 'Luftfahrt'], fr: ['Transport aérien', 'Compagnies aériennes et aviation'], es: ['Aerolíneas y aviación', 'Aviación'] },
  { en: 'Maritime Transportation', de: ['Seeverkehr', 'Schifffahrt'], fr: ['Transport maritime'], es: ['Transporte marítimo'] },
  { en: 'Rail Transportation', de: ['Schienenverkehr', 'Bahnverkehr'], fr: ['Transport ferroviaire'], es: ['Transporte ferroviario'] },
  { en: 'Logistics & Supply Chain', de: ['Logistik und Lieferkette', 'Logistik und Supply Chain', 'Logistik'], fr: ['Logistique et chaîne d’approvisionnement', 'Logistique'], es: ['Logística y cadena de suministro', 'Logística'] },

  // --- Utilities, energy, mining --------------------------------------------------------------------------
  { en: 'Renewable Energy Power Generation', de: ['Stromerzeugung aus erneuerbaren Energien', 'Erneuerbare Energien'], fr: ['Production d’énergie renouvelable', 'Énergies renouvelables'], es: ['Generación de energía renovable', 'Energías renovables'] },
  { en: 'Electric Power Generation', de: ['Stromerzeugung'], fr: ['Production d’électricité'], es: ['Generación de electricidad', 'Generación de energía eléctrica'] },
  { en: 'Oil and Gas', de: ['Öl und Gas', 'Erdöl und Erdgas'], fr: ['Pétrole et gaz'], es: ['Petróleo y gas'] },
  { en: 'Mining', de: ['Bergbau'], fr: ['Exploitation minière', 'Mines'], es: ['Minería'] },

  // --- Hospitality ----------------------------------------------------------------------------------------
  { en: 'Hospitality', de: ['Gastgewerbe', 'Hotellerie'], fr: ['Hôtellerie', 'Hôtellerie et restauration'], es: ['Hostelería'] },
  { en: 'Restaurants', de: ['Restaurants', 'Gastronomie'], fr: ['Restaurants', 'Restauration'], es: ['Restaurantes', 'Restauración'] },
  { en: 'Hotels and Motels', de: ['Hotels und Motels'], fr: ['Hôtels et motels'], es: ['Hoteles y moteles'] },
  { en: 'Food and Beverage Services', de: ['Gastronomiedienstleistungen', 'Speisen- und Getränkedienstleistungen'], fr: ['Services de restauration'], es: ['Servicios de comidas y bebidas'] },

  // --- Government, non-profit --------------------------------------------------------------------
  { en: 'Armed Forces', de: ['Streitkräfte', 'Militär'], fr: ['Forces armées', 'Armée'], es: ['Fuerzas armadas'] },
  { en: 'Law Enforcement', de: ['Strafverfolgung', 'Polizei'], fr: ['Forces de l’ordre', 'Application de la loi'], es: ['Fuerzas del orden', 'Cuerpos de seguridad'] },
  { en: 'Public Policy Offices', de: ['Politikgestaltung', 'Öffentliche Politik'], fr: ['Politiques publiques'], es: ['Políticas públicas'] },
  { en: 'Civic and Social Organizations', de: ['Bürger- und Sozialorganisationen'], fr: ['Organisations civiques et sociales'], es: ['Organizaciones cívicas y sociales'] },
  { en: 'Religious Institutions', de: ['Religiöse Einrichtungen'], fr: ['Institutions religieuses'], es: ['Instituciones religiosas'] },
  { en: 'Think Tanks', de: ['Denkfabriken', 'Thinktanks'], fr: ['Groupes de réflexion'], es: ['Centros de estudios', 'Laboratorios de ideas'] },
];

/**
 * Salesforce's standard Account Industry picklist as the German UI shows it. The values are Salesforce's own
 * English picklist values (industry.ts, SALESFORCE). "Sonstige"/"Andere" (Other) names no industry and stays out.
 */
export const SALESFORCE_INDUSTRY_TRANSLATIONS: readonly IndustryTranslation[] = [
  { en: 'Agriculture', de: ['Landwirtschaft'] },
  { en: 'Apparel', de: ['Bekleidung'] },
  { en: 'Banking', de: ['Bankwesen'] },
  { en: 'Biotechnology', de: ['Biotechnologie'] },
  { en: 'Chemicals', de: ['Chemie', 'Chemikalien'] },
  { en: 'Communications', de: ['Kommunikation'] },
  { en: 'Construction', de: ['Bauwesen'] },
  { en: 'Consulting', de: ['Beratung'] },
  { en: 'Education', de: ['Bildung', 'Bildungswesen'] },
  { en: 'Electronics', de: ['Elektronik'] },
  { en: 'Energy', de: ['Energie'] },
  { en: 'Engineering', de: ['Ingenieurwesen'] },
  { en: 'Entertainment', de: ['Unterhaltung'] },
  { en: 'Environmental', de: ['Umwelt'] },
  { en: 'Finance', de: ['Finanzen', 'Finanzwesen'] },
  { en: 'Food & Beverage', de: ['Nahrungsmittel und Getränke', 'Lebensmittel und Getränke'] },
  { en: 'Government', de: ['Behörden', 'Regierung'] },
  { en: 'Healthcare', de: ['Gesundheitswesen'] },
  { en: 'Hospitality', de: ['Gastgewerbe'] },
  { en: 'Insurance', de: ['Versicherungen', 'Versicherung'] },
  { en: 'Machinery', de: ['Maschinenbau'] },
  { en: 'Manufacturing', de: ['Fertigung', 'Produktion'] },
  { en: 'Media', de: ['Medien'] },
  { en: 'Not For Profit', de: ['Gemeinnützig'] },
  { en: 'Recreation', de: ['Freizeit'] },
  { en: 'Retail', de: ['Einzelhandel'] },
  { en: 'Shipping', de: ['Versand'] },
  { en: 'Technology', de: ['Technologie'] },
  { en: 'Telecommunications', de: ['Telekommunikation'] },
  { en: 'Transportation', de: ['Transport', 'Transportwesen'] },
  { en: 'Utilities', de: ['Versorgungsunternehmen'] },
];
