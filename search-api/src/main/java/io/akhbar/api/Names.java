package io.akhbar.api;

import io.akhbar.api.ApiModel.ActorRef;
import io.akhbar.api.ApiModel.DistrictRef;
import io.akhbar.api.ApiModel.PlaceRef;
import io.akhbar.gazetteer.Actor;
import io.akhbar.gazetteer.Gazetteer;
import io.akhbar.gazetteer.Place;
import java.util.List;

/** Ids stored in the index, shown with the gazetteer's names (an id the gazetteer no longer knows shows as itself). */
final class Names implements SearchParams.KnownIds {

  private final Gazetteer gazetteer;

  Names(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
  }

  PlaceRef province(String id) {
    return gazetteer.place(id).map(p -> new PlaceRef(id, p.nameAr(), p.nameEn())).orElse(new PlaceRef(id, id, id));
  }

  DistrictRef district(String id) {
    return gazetteer.place(id).map(p -> new DistrictRef(id, p.nameAr(), p.nameEn(), p.governorateId()))
        .orElse(new DistrictRef(id, id, id, null));
  }

  ActorRef actor(String id) {
    return gazetteer.actor(id).map(a -> new ActorRef(id, a.nameAr(), a.nameEn(), a.type().code()))
        .orElse(new ActorRef(id, id, id, null));
  }

  List<PlaceRef> provinces(List<String> ids) {
    return ids.stream().map(this::province).toList();
  }

  List<DistrictRef> districts(List<String> ids) {
    return ids.stream().map(this::district).toList();
  }

  List<ActorRef> actors(List<String> ids) {
    return ids.stream().map(this::actor).toList();
  }

  @Override
  public boolean isProvince(String id) {
    return gazetteer.place(id).map(Place::isGovernorate).orElse(false);
  }

  @Override
  public boolean isDistrict(String id) {
    return gazetteer.place(id).map(p -> p.kind() == Place.Kind.DISTRICT).orElse(false);
  }

  @Override
  public boolean isActor(String id) {
    return gazetteer.actor(id).isPresent();
  }

  Gazetteer gazetteer() {
    return gazetteer;
  }

}
